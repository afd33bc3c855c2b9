/**
 * The probe part of `pic-preflight demo`: TLS listeners on loopback addresses play the demo zone's
 * Access Edges with the certificates of `examples/demo-certs/` (a throwaway demo CA), and a
 * `connectTo` sends the zone's documentation addresses (198.51.100.0/24) and its private address to
 * them. Nothing ever connects to a non-loopback address: `connectTo` asserts it.
 */
import type { CliProbeOptions } from './probe-options.js';

/** One demo Edge: the zone's address it stands for, and how its listener behaves. */
export interface DemoEdge {
  /** The SRV target the zone points at this address. */
  name: string;
  /** The address in `examples/demo-zone.json`. */
  address: string;
  /** The SRV port the listener stands for. */
  port: number;
  /** The loopback address of its own listener, on `port`, where the machine allows it (same last octet as `address`). */
  listen: string;
  /** The certificate and key files in `examples/demo-certs/`, without extension. */
  files: string;
  /** Ask for a client certificate and refuse a client without one, like a real Edge (mutual TLS). */
  requestCert: boolean;
  /** What the demo shows with it. */
  note: string;
}

/** The folder with the demo CA and the leaves, inside `examples/`. */
export const DEMO_CERTS_DIR = 'demo-certs';
/** The demo CA: trusted by the demo's probe, and by nothing else. */
export const DEMO_CA_FILE = 'demo-ca.pem';

/** The demo Edges. Every other address of the zone goes to a closed loopback port (refused). */
export const DEMO_EDGES: readonly DemoEdge[] = Object.freeze([
  {
    name: 'sip.harbourline-freight.com',
    address: '198.51.100.24',
    port: 5061,
    listen: '127.0.0.24',
    files: 'harbourline-edge',
    requestCert: true,
    note: 'exact name, serverAuth + clientAuth, asks for a client certificate',
  },
  {
    name: 'sip.oakridge-partners.net',
    address: '198.51.100.120',
    port: 5061,
    listen: '127.0.0.120',
    files: 'oakridge-edge',
    requestCert: false,
    note: 'only edge01 and a wildcard SAN, no clientAuth',
  },
]);

/** Listen errors that mean "not on this machine": then the demo uses ports chosen by the system. */
const BIND_ERRORS = new Set(['EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES', 'EPERM']);

/** The running demo Edges. */
export interface DemoProbe {
  /** What the probe of `runPreflight` needs: the mapping, the demo CA, a short timeout. */
  probeOptions: CliProbeOptions;
  /** Lines for stderr saying what listens where. */
  description: string[];
  /** Stops every listener. */
  close(): Promise<void>;
}

/** Why the demo runs without its probe part (one line for stderr). */
export interface DemoProbeSkipped {
  skipped: string;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

type EdgeServerModule = typeof import('../../node/servers/edge-server.js');
type EdgeMaterial = { edge: DemoEdge; key: string; cert: string };
type Started = { edge: DemoEdge; server: Awaited<ReturnType<EdgeServerModule['startEdgeServer']>> };

/** Starts one listener per demo Edge (on its own address, or all on 127.0.0.1); all or none. */
async function startEdges(
  edgeServer: EdgeServerModule,
  material: readonly EdgeMaterial[],
  ca: string,
  own: boolean,
): Promise<Started[]> {
  const started: Started[] = [];
  try {
    for (const { edge, key, cert } of material) {
      const server = await edgeServer.startEdgeServer({
        host: own ? edge.listen : '127.0.0.1',
        port: own ? edge.port : 0,
        key,
        cert,
        requestCert: edge.requestCert,
        ca: [ca],
      });
      started.push({ edge, server });
    }
    return started;
  } catch (error) {
    await Promise.all(started.map(({ server }) => server.close()));
    throw error;
  }
}

/**
 * Starts the demo Edges: each on its own `127.0.0.x:5061` where the machine allows it, else all on
 * `127.0.0.1` with ports chosen by the system. Never throws: when the certificates are missing or
 * nothing can listen, returns why the probe part is skipped.
 * @param examplesDir The `examples` folder (holds `demo-certs/`).
 */
export async function startDemoEdges(examplesDir: string): Promise<DemoProbe | DemoProbeSkipped> {
  const [{ readFile }, { join }, edgeServer] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('../../node/servers/edge-server.js'),
  ]);
  const dir = join(examplesDir, DEMO_CERTS_DIR);
  let ca: string;
  let material: EdgeMaterial[];
  try {
    ca = await readFile(join(dir, DEMO_CA_FILE), 'utf8');
    material = await Promise.all(
      DEMO_EDGES.map(async (edge) => ({
        edge,
        key: await readFile(join(dir, `${edge.files}.key`), 'utf8'),
        cert: await readFile(join(dir, `${edge.files}.pem`), 'utf8'),
      })),
    );
  } catch (error) {
    return { skipped: `the demo certificates are missing (${errorCode(error) ?? 'unreadable'} in ${dir})` };
  }
  const start = (own: boolean) => startEdges(edgeServer, material, ca, own);

  let started: Started[];
  let fallback: string | undefined;
  try {
    started = await start(true);
  } catch (error) {
    if (!BIND_ERRORS.has(errorCode(error) ?? '')) {
      return { skipped: `the demo Edges could not listen (${errorCode(error) ?? String(error)})` };
    }
    fallback = errorCode(error);
    try {
      started = await start(false);
    } catch (again) {
      return {
        skipped: `the demo Edges could not listen on 127.0.0.1 (${errorCode(again) ?? String(again)})`,
      };
    }
  }

  let closedPort: number;
  try {
    closedPort = await edgeServer.closedLoopbackPort('127.0.0.1');
  } catch (error) {
    await Promise.all(started.map(({ server }) => server.close()));
    return { skipped: `no free port on 127.0.0.1 (${errorCode(error) ?? String(error)})` };
  }

  const byEndpoint = new Map(started.map((s) => [`${s.edge.address}:${s.edge.port}`, s.server]));
  const connectTo = edgeServer.loopbackOnly((address, port) => {
    const server = byEndpoint.get(`${address}:${port}`);
    return server ? { host: server.host, port: server.port } : { host: '127.0.0.1', port: closedPort };
  });

  const description = [
    `Probe: TLS listeners play the Edges, with certificates from examples/${DEMO_CERTS_DIR}/ (issued by a throwaway demo CA, trusted for the demo only):`,
    ...started.map(
      ({ edge, server }) => `  ${edge.address}:${edge.port} → ${server.address}  ${edge.name} (${edge.note})`,
    ),
    `  any other address → 127.0.0.1:${closedPort}, where nothing listens (connection refused)`,
  ];
  if (fallback !== undefined) {
    description.push(
      `  (127.0.0.x:5061 cannot be bound here (${fallback}), so the listeners use ports chosen by the system on 127.0.0.1)`,
    );
  }
  description.push('  --no-probe skips this part.');
  return {
    probeOptions: { connectTo, ca: [ca], timeoutMs: 1000 },
    description,
    close: async () => {
      await Promise.all(started.map(({ server }) => server.close()));
    },
  };
}
