/**
 * fast-check arbitraries shared by the property tests of the provisioning request and its zod schema:
 * requests that are often valid, often almost valid (a case, a root dot, a space, a typo), and
 * sometimes wrong in every field.
 */
import fc from 'fast-check';

const sipDomain = fc.constantFrom(
  'northwind.net',
  'wingtip.io',
  'tailspin.dev',
  'eu.northwind.net',
  'WINGTIP.io.',
  ' tailspin.dev',
  'sip.northwind.net',
  'bad_x.io',
  '',
);
const accessEdge = fc.constantFrom(
  'sip.northwind.net',
  'sip.wingtip.io',
  'access.tailspin.dev',
  'sipfed.online.lync.com',
  '10.0.0.1',
);

/** A provisioning request (RULES §6) with any subset of its fields, up to 11 additional edges. */
export const provisioningRequest = fc.record(
  {
    agreementType: fc.constantFrom(
      'volume-licensing',
      'partner-network',
      'spla',
      'high-volume-services',
      'x',
    ),
    agreementNumber: fc.oneof(fc.constantFrom('V7340215', '1234567', ' 42 '), fc.string({ maxLength: 8 })),
    accessEdgeFqdn: accessEdge,
    sipDomains: fc.array(sipDomain, { maxLength: 4 }),
    additionalAccessEdges: fc.array(
      fc.record(
        { fqdn: accessEdge, sipDomains: fc.array(sipDomain, { maxLength: 3 }) },
        { requiredKeys: ['fqdn'] },
      ),
      { maxLength: 11 },
    ),
    publicImProvider: fc.constantFrom('skype', 'Skype', 'yahoo'),
    typo: fc.constant(1),
  },
  { requiredKeys: [] },
);
