// is-fqdn 2.0.1 ships no types.
declare module 'is-fqdn' {
  export default function isFQDN(
    value: unknown,
    options?: { requireTld?: boolean; allowUnderscores?: boolean; allowTrailingDot?: boolean },
  ): boolean;
}
