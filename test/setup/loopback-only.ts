import dns from 'node:dns';
import net from 'node:net';

/**
 * Nothing in a test may reach beyond this machine: a connection to any address other than
 * loopback fails loudly instead of leaving the sandbox (fetch, http and the SDKs all go
 * through net.Socket#connect).
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/;

const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string } | number | string;
  const host = typeof options === 'object' && options !== null ? (options.host ?? (options.path ? 'localhost' : 'localhost')) : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!LOOPBACK.test(String(host))) throw new Error(`test tried to connect to ${String(host)}: only loopback is allowed`);
  return connect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!LOOPBACK.test(hostname)) throw new Error(`test tried to resolve ${hostname}: only loopback is allowed`);
  return (lookup as (...args: unknown[]) => unknown)(hostname, ...rest);
};
