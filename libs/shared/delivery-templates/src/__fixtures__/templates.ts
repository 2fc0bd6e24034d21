import { DeliveryMethod } from '../delivery-method';

// Bodies as an operator would write them from a partner's API guide.

export const XML_TEMPLATE = `<?xml version="1.0" encoding="UTF-8"?>
<lead id="{{ lead.id }}" type="{{lead.type}}">
  <name>{{ lead.full_name }}</name>
  <email>{{ lead.email }}</email>
  <notes><![CDATA[{{ lead.answers.notes }}]]></notes>
  <price currency="{{ lead.value.currency }}">{{ lead.value.decimal }}</price>
</lead>
`;

export const SOAP_1_1_TEMPLATE = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:p="urn:partner">
  <soap:Body>
    <p:AddLead>
      <p:Name>{{ lead.full_name }}</p:Name>
      <p:Phone>{{ lead.phone }}</p:Phone>
    </p:AddLead>
  </soap:Body>
</soap:Envelope>`;

export const SOAP_1_2_TEMPLATE = `<?xml version="1.0"?>
<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope">
  <Header/>
  <Body>
    <AddLead xmlns="urn:partner"><Name>{{ lead.full_name }}</Name></AddLead>
  </Body>
</Envelope>`;

export const JSON_TEMPLATE = `{
  "reference": "LR-{{ lead.id }}",
  "name": "{{ lead.first_name }} {{ lead.last_name }}",
  "email": {{ lead.email }},
  "price": {{ lead.value.decimal }},
  "pence": {{ lead.value.amount }},
  "first_time_buyer": {{ lead.answers.first_time_buyer }},
  "sent": "{{ now.iso }}"
}`;

export const POST_TEMPLATE =
  'source=LeadRail+Web&name={{ lead.full_name }}&email={{lead.email}}&ref=LR-{{ lead.id }}';

/** A valid template for each method. */
export const VALID_TEMPLATES: Readonly<Record<DeliveryMethod, string>> = {
  [DeliveryMethod.XML]: XML_TEMPLATE,
  [DeliveryMethod.SOAP_1_1]: SOAP_1_1_TEMPLATE,
  [DeliveryMethod.SOAP_1_2]: SOAP_1_2_TEMPLATE,
  [DeliveryMethod.JSON]: JSON_TEMPLATE,
  [DeliveryMethod.POST]: POST_TEMPLATE,
};
