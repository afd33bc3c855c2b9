// The ./zod entry: zod 4 schemas that call the core validators (no rule of their own).
export {};
