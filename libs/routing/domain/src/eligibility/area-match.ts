// A UK outward code: area letters, then the district's digits (and a letter, as in SW1A).
const OUTWARD_CODE = /^([A-Z]{1,2})[0-9][A-Z0-9]?$/;

function compact(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Whether a lead's postcode district is inside a partner's postcode filter.
 * An entry of letters alone is an area (`SW`: every SW district, but not
 * `S1`, which is Sheffield's area `S`); any other entry is one district
 * (`SW1A`). An empty filter means anywhere; a lead without a UK district
 * matches no non-empty filter.
 */
export function isInArea(postcodes: readonly string[], postcodeDistrict: string | null): boolean {
  if (postcodes.length === 0) {
    return true;
  }
  if (postcodeDistrict === null) {
    return false;
  }
  const district = compact(postcodeDistrict);
  const area = OUTWARD_CODE.exec(district)?.[1];
  return postcodes.some((entry) => {
    const wanted = compact(entry);
    return /^[A-Z]{1,2}$/.test(wanted) ? wanted === area : wanted === district;
  });
}
