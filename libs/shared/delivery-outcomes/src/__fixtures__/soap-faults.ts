// Fault answers as real SOAP stacks write them.

/** SOAP 1.1, the specification's own example (section 4.4): the server failed. */
export const SOAP_11_SERVER_FAULT = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
   <SOAP-ENV:Body>
       <SOAP-ENV:Fault>
           <faultcode>SOAP-ENV:Server</faultcode>
           <faultstring>Server Error</faultstring>
           <detail>
               <e:myfaultdetails xmlns:e="Some-URI">
                 <message>My application didn't work</message>
                 <errorcode>1001</errorcode>
               </e:myfaultdetails>
           </detail>
       </SOAP-ENV:Fault>
   </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

/** SOAP 1.1 from the node `soap` package: a client fault with a subcode, declared on the envelope. */
export const SOAP_11_CLIENT_FAULT = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="http://leads.partner.example/"><soap:Body><soap:Fault><faultcode>soap:Client.ValidationError</faultcode><faultstring>Postcode ZZ9 is not a UK postcode</faultstring><detail><tns:LeadFault><tns:Field>postcode</tns:Field></tns:LeadFault></detail></soap:Fault></soap:Body></soap:Envelope>`;

/** SOAP 1.1 from ASP.NET (asmx), a client fault whose text is escaped markup. */
export const SOAP_11_DOTNET_CLIENT_FAULT = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <soap:Fault>
      <faultcode>soap:Client</faultcode>
      <faultstring>Server was unable to read request. ---&gt; There is an error in XML document (1, 212). ---&gt; Input string was not in a correct format.</faultstring>
      <detail />
    </soap:Fault>
  </soap:Body>
</soap:Envelope>`;

/** SOAP 1.2, the specification's example (part 1, 5.4): the sender timed out, with a subcode. */
export const SOAP_12_SENDER_FAULT = `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"
              xmlns:m="http://www.example.org/timeouts"
              xmlns:xml="http://www.w3.org/XML/1998/namespace">
 <env:Body>
  <env:Fault>
   <env:Code>
     <env:Value>env:Sender</env:Value>
     <env:Subcode>
      <env:Value>m:MessageTimeout</env:Value>
     </env:Subcode>
   </env:Code>
   <env:Reason>
     <env:Text xml:lang="en">Sender Timeout</env:Text>
   </env:Reason>
   <env:Detail>
     <m:MaxTime>P5M</m:MaxTime>
   </env:Detail>
  </env:Fault>
 </env:Body>
</env:Envelope>`;

/** SOAP 1.2 with a default-namespace envelope and reasons in two languages: the receiver failed. */
export const SOAP_12_RECEIVER_FAULT = `<?xml version="1.0"?>
<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope">
  <Body>
    <Fault>
      <Code><Value xmlns:s="http://www.w3.org/2003/05/soap-envelope">s:Receiver</Value></Code>
      <Reason>
        <Text xml:lang="fr">Base de données indisponible</Text>
        <Text xml:lang="en-GB">Database unavailable</Text>
      </Reason>
    </Fault>
  </Body>
</Envelope>`;

/** SOAP 1.1, a successful answer carrying the partner's reference in its own namespace. */
export const SOAP_11_ACCEPTED = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <SubmitLeadResponse xmlns="http://leads.partner.example/">
      <SubmitLeadResult>
        <Status>Accepted</Status>
        <Reference>PX-2026-0042</Reference>
      </SubmitLeadResult>
    </SubmitLeadResponse>
  </soap:Body>
</soap:Envelope>`;

/** SOAP 1.2, a successful answer saying the lead is a duplicate (a rejection only a rule can see). */
export const SOAP_12_DUPLICATE = `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
  <env:Body>
    <p:SubmitLeadResponse xmlns:p="urn:partner:leads">
      <p:Result code="DUP">Rejected</p:Result>
      <p:Message>Duplicate lead within 30 days</p:Message>
    </p:SubmitLeadResponse>
  </env:Body>
</env:Envelope>`;
