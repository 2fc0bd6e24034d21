import { DeliveryMethod } from '../delivery-method';
import type { TemplatePart } from '../syntax/template-part';
import { type BodyScanner, type ContextScan, runScanner } from './context-scan';
import { FormScanner } from './form-scanner';
import { JsonScanner } from './json-scanner';
import { XmlScanner } from './xml-scanner';

/** Finds each variable's escaping context in a body written for `method`. */
export function scanBody(
  method: DeliveryMethod,
  template: string,
  parts: readonly TemplatePart[],
): ContextScan {
  return runScanner(parts, scannerFor(method, template));
}

function scannerFor(method: DeliveryMethod, template: string): BodyScanner {
  switch (method) {
    case DeliveryMethod.XML:
    case DeliveryMethod.SOAP_1_1:
    case DeliveryMethod.SOAP_1_2:
      return new XmlScanner(template);
    case DeliveryMethod.JSON:
      return new JsonScanner(template);
    case DeliveryMethod.POST:
      return new FormScanner(template);
  }
}
