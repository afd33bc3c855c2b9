/**
 * IANA's root hints (https://www.internic.net/domain/named.root): the 13 root server names with
 * their IPv4 and IPv6 addresses. The file's header reads "last update: December 20, 2023; related
 * version of root zone: 2023122001" (b.root-servers.net renumbered in November 2023).
 * Data only: the authoritative resolver starts here unless `rootServers` overrides it.
 */

/** One root server of the hints: its name and addresses. */
export interface RootServer {
  /** `a.root-servers.net` … `m.root-servers.net` (lower case, no trailing dot). */
  name: string;
  ipv4: string;
  ipv6: string;
}

/** IANA's 13 root servers (named.root, 2023-12-20). */
export const IANA_ROOT_SERVERS: readonly RootServer[] = /* @__PURE__ */ Object.freeze([
  { name: 'a.root-servers.net', ipv4: '198.41.0.4', ipv6: '2001:503:ba3e::2:30' },
  { name: 'b.root-servers.net', ipv4: '170.247.170.2', ipv6: '2801:1b8:10::b' },
  { name: 'c.root-servers.net', ipv4: '192.33.4.12', ipv6: '2001:500:2::c' },
  { name: 'd.root-servers.net', ipv4: '199.7.91.13', ipv6: '2001:500:2d::d' },
  { name: 'e.root-servers.net', ipv4: '192.203.230.10', ipv6: '2001:500:a8::e' },
  { name: 'f.root-servers.net', ipv4: '192.5.5.241', ipv6: '2001:500:2f::f' },
  { name: 'g.root-servers.net', ipv4: '192.112.36.4', ipv6: '2001:500:12::d0d' },
  { name: 'h.root-servers.net', ipv4: '198.97.190.53', ipv6: '2001:500:1::53' },
  { name: 'i.root-servers.net', ipv4: '192.36.148.17', ipv6: '2001:7fe::53' },
  { name: 'j.root-servers.net', ipv4: '192.58.128.30', ipv6: '2001:503:c27::2:30' },
  { name: 'k.root-servers.net', ipv4: '193.0.14.129', ipv6: '2001:7fd::1' },
  { name: 'l.root-servers.net', ipv4: '199.7.83.42', ipv6: '2001:500:9f::42' },
  { name: 'm.root-servers.net', ipv4: '202.12.27.33', ipv6: '2001:dc3::35' },
]);
