#!/usr/bin/env node
import { fqdnSchema, skypeAddressSchema } from 'pic-preflight/zod';
// A zod form schema that embeds pic-preflight's schemas: each field parses to its normalised value,
// and each problem reaches zod with our code in `params.code` and the field's path.
// Usage: node examples/zod-form.mjs
import { z } from 'zod';

const contactForm = z.object({
  displayName: z.string().trim().min(1),
  skypeContact: skypeAddressSchema, // decorates: ted@contoso.com → ted(contoso.com)@msn.com
  accessEdge: fqdnSchema,
});

const good = contactForm.safeParse({
  displayName: 'Ted',
  skypeContact: 'sip:ted@Contoso.com',
  accessEdge: 'SIP.adventure-works.com.',
});
console.log(JSON.stringify(good.data));

const bad = contactForm.safeParse({
  displayName: 'Ted',
  skypeContact: 'ted@contoso',
  accessEdge: '10.0.0.1',
});
for (const issue of bad.error.issues) {
  console.log(`${issue.path.join('.')}: ${issue.params?.code ?? issue.code} - ${issue.message}`);
}
