// Process glue only: everything else is in run.ts.
console.log('pic-preflight 0.1.0');
