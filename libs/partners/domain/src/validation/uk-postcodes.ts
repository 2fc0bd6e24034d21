import { PartnerError, PartnerErrorCode } from '../errors/partner-error';

/**
 * The UK postcode areas (the letters before the first digit), the Crown
 * dependencies' (GY, JE, IM) and the non-geographic BF and BX among them.
 * A district of an area that does not exist would never match a lead.
 */
const POSTCODE_AREAS: ReadonlySet<string> = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH ' +
    'DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA ' +
    'KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO ' +
    'PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W ' +
    'WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// An area (`SW`) or an outward code, the district (`SW1A`, `B10`, `E1W`).
const AREA_OR_DISTRICT = /^([A-Z]{1,2})(?:[0-9][0-9A-Z]?)?$/;

/** At most this many areas and districts per lead type: there are about 3,000 districts. */
export const MAX_POSTCODES = 3_000;

/**
 * The postcode areas or districts checked, trimmed, upper-cased and without
 * repeats (first one kept). An empty list narrows nothing.
 */
export function toPostcodes(postcodes: unknown, field: string): string[] {
  if (postcodes === undefined || postcodes === null) {
    return [];
  }
  if (!Array.isArray(postcodes) || postcodes.length > MAX_POSTCODES) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_POSTCODE,
      `must be a list of at most ${MAX_POSTCODES} UK postcode areas or districts`,
      field,
    );
  }
  const normalised = postcodes.map((postcode: unknown, index) =>
    toPostcode(postcode, `${field}[${index}]`),
  );
  return [...new Set(normalised)];
}

function toPostcode(postcode: unknown, field: string): string {
  const text = typeof postcode === 'string' ? postcode.trim().toUpperCase() : '';
  const match = AREA_OR_DISTRICT.exec(text);
  if (match === null) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_POSTCODE,
      `must be a UK postcode area such as SW or a district such as SW1A, got ${JSON.stringify(postcode)}`,
      field,
    );
  }
  if (!POSTCODE_AREAS.has(match[1]!)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_POSTCODE,
      `${match[1]!} is not a UK postcode area`,
      field,
    );
  }
  return text;
}
