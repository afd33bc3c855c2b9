/**
 * zod schemas for the provisioning request (RULES §6). `provisioningRequestSchema` validates by calling
 * `checkProvisioningRequest`; `provisioningRequestShapeSchema` only describes the JSON shape (types and
 * documentation) for `z.toJSONSchema` and other tools — it holds no rule and is never used to validate.
 */
import { z } from 'zod';
import { AGREEMENT_TYPES } from '../core/agreement-number/agreement-number.js';
import {
  checkProvisioningRequest,
  MAX_ACCESS_EDGES,
  type ProvisioningRequest,
} from '../core/request/request.js';
import { fromResult, type ResultSchema } from './adapter.js';

// `format: 'hostname'` (RFC 1123, a trailing dot allowed): in draft 2020-12 an annotation, which
// editors show; the check also takes surrounding whitespace, with the warning input.trimmed.
const hostname = (description: string) => z.string().meta({ description, format: 'hostname' });
const sipDomains = (description: string) =>
  z.array(z.string().meta({ description: 'A SIP domain, e.g. contoso.com.', format: 'hostname' })).meta({
    description,
  });

/** The `$id` of the shipped request schema (where the published package serves it). */
const PROVISIONING_REQUEST_SCHEMA_ID =
  'https://unpkg.com/pic-preflight/schema/provisioning-request.schema.json';

/**
 * The JSON shape of a provisioning request, for documentation and JSON Schema only (looser than
 * `checkProvisioningRequest`: every request it accepts fits this shape).
 */
export const provisioningRequestShapeSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z.string().optional().meta({
        description: 'The JSON Schema the file is written against, for editors; not a field of the form.',
      }),
      agreementType: z
        .enum(AGREEMENT_TYPES as unknown as readonly [string, ...string[]])
        .optional()
        .meta({
          description:
            'volume-licensing (Volume Licensing agreement number), partner-network (headquarters partner ID), spla (initial enrollment number) or high-volume-services (product enrollment number).',
        }),
      agreementNumber: z.string().meta({
        description:
          'The agreement number: ASCII letters, digits and "-", at most 32 characters (an opaque identifier).',
        examples: ['V1234567'],
      }),
      accessEdgeFqdn: hostname('The external FQDN of the Access Edge service, e.g. sip.contoso.com.'),
      sipDomains: sipDomains(
        'The SIP domains served by accessEdgeFqdn (at least one SIP domain in the request).',
      ),
      additionalAccessEdges: z
        .array(
          z
            .strictObject({
              fqdn: hostname('The external FQDN of another Access Edge service.'),
              sipDomains: sipDomains('The SIP domains served by this Access Edge.').optional(),
            })
            .meta({ description: 'Another Access Edge with the SIP domains it serves.' }),
        )
        .max(MAX_ACCESS_EDGES - 1)
        .optional()
        .meta({
          description: `More Access Edges; at most ${MAX_ACCESS_EDGES} Access Edge FQDNs per request in total.`,
        }),
      publicImProvider: z
        .string()
        .optional()
        .meta({ description: 'The public IM provider; only "skype" remains supported (default "skype").' }),
    })
    .meta({
      title: 'pic-preflight provisioning request',
      description:
        'The fields of the Lync Server public IM connectivity (PIC) provisioning form. Validate with pic-preflight checkProvisioningRequest: this schema describes the shape only.',
    }))();

/**
 * The provisioning request: parses to the normalised {@link ProvisioningRequest}; each error reaches zod
 * with our `params.code` and full path (e.g. `['additionalAccessEdges', 0, 'sipDomains', 2]`).
 * @example provisioningRequestSchema.parse({ agreementNumber: 'V1234567', accessEdgeFqdn: 'sip.contoso.com', sipDomains: ['contoso.com'] })
 */
export const provisioningRequestSchema: ResultSchema<ProvisioningRequest> = /* @__PURE__ */ fromResult(
  checkProvisioningRequest,
  {
    meta: {
      type: 'object',
      description: 'A provisioning request, checked by pic-preflight checkProvisioningRequest.',
    },
  },
);

/**
 * The JSON Schema (draft 2020-12) of the request's shape, as shipped in `schema/provisioning-request.schema.json`.
 * @returns a fresh JSON Schema object
 * @example JSON.stringify(provisioningRequestJsonSchema(), null, 2)
 */
export function provisioningRequestJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(provisioningRequestShapeSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return { $schema, $id: PROVISIONING_REQUEST_SCHEMA_ID, ...rest };
}
