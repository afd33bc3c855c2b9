// Runs before every test file: no test may reach a real name server. A resolver created without
// `nameservers` takes the system's (`node:dns` getServers()); point those at a closed loopback port
// so that a test that forgets to pass its own server fails fast instead of querying the network.
import dns from 'node:dns';

dns.setServers(['127.0.0.1:9']);
