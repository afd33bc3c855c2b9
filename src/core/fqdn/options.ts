/** RULES §1 options of the FQDN checks: one frozen defaults object, resolved once per call. */

/** Options of `checkFqdn`, `isFqdn` and `checkSipDomain`. */
export interface FqdnOptions {
  /**
   * Accept internationalized names: a U-label is converted to its A-label (IDNA / UTS #46) and
   * `xn--` labels raise no `fqdn.idn_not_supported` warning. Lync Server 2013 does not support IDN.
   * @default false
   */
  allowIdn?: boolean;
  /**
   * Let special-use and private-use names (`.local`, `.test`, `home.arpa`, `example.com`, …) pass,
   * for lab use. They then skip the public-suffix checks too.
   * @default false
   */
  allowReserved?: boolean;
  /**
   * Require the top-level domain to be an ICANN public suffix (`fqdn.unknown_tld` otherwise).
   * @default true
   */
  requireKnownTld?: boolean;
}

/** The options every FQDN check uses unless told otherwise. */
export const DEFAULT_FQDN_OPTIONS: Readonly<Required<FqdnOptions>> = Object.freeze({
  allowIdn: false,
  allowReserved: false,
  requireKnownTld: true,
});

/** Options with every field decided. */
export type ResolvedOptions = Readonly<Required<FqdnOptions>>;

function readBoolean(options: FqdnOptions, key: keyof FqdnOptions): boolean {
  const value = options[key];
  if (value === undefined) return DEFAULT_FQDN_OPTIONS[key];
  if (typeof value !== 'boolean') throw new TypeError(`pic-preflight: option ${key} must be a boolean`);
  return value;
}

/**
 * Options are a programmer's input: a wrong type throws (STYLE rule 2), bad values never do.
 * RULES §0: `null` and `undefined` both mean "no options".
 */
export function resolveOptions(options: FqdnOptions | null | undefined): ResolvedOptions {
  if (options === undefined || options === null || options === DEFAULT_FQDN_OPTIONS)
    return DEFAULT_FQDN_OPTIONS;
  if (typeof options !== 'object') {
    throw new TypeError('pic-preflight: FQDN options must be an object');
  }
  return {
    allowIdn: readBoolean(options, 'allowIdn'),
    allowReserved: readBoolean(options, 'allowReserved'),
    requireKnownTld: readBoolean(options, 'requireKnownTld'),
  };
}

/** Structure only (the `fqdn.not_a_hostname` hint, SRV targets): any TLD, reserved names pass. */
export const LENIENT: ResolvedOptions = Object.freeze({
  allowIdn: false,
  allowReserved: true,
  requireKnownTld: false,
});
/** {@link LENIENT} with U-labels converted. */
export const LENIENT_IDN: ResolvedOptions = Object.freeze({
  allowIdn: true,
  allowReserved: true,
  requireKnownTld: false,
});

// RFC 1035 §2.3.4: a name is at most 255 octets on the wire, i.e. 253 characters without the root dot.
export const MAX_NAME_LENGTH = 253;
// RFC 1035 §2.3.4: labels are 63 octets or less.
export const MAX_LABEL_LENGTH = 63;

// Character classes for the scans, indexed by ASCII code.
export const C_INVALID = 0;
export const C_LOWER = 1; // a-z, 0-9
export const C_UPPER = 2; // A-Z
export const C_HYPHEN = 3;
export const C_DOT = 4;
export const C_UNDERSCORE = 5;
export const C_STAR = 6;
/** The class of each ASCII character (RFC 1035 §2.3.1 letters, digits, hyphen; `.`, `_`, `*` apart). */
export const CHAR_CLASS: Uint8Array = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let c = 97; c <= 122; c += 1) table[c] = C_LOWER;
  for (let c = 48; c <= 57; c += 1) table[c] = C_LOWER;
  for (let c = 65; c <= 90; c += 1) table[c] = C_UPPER;
  table[45] = C_HYPHEN;
  table[46] = C_DOT;
  table[95] = C_UNDERSCORE;
  table[42] = C_STAR;
  return table;
})();
