import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';

/** The service's namespace and its one operation's SOAP action. */
export const LEAD_SERVICE_NAMESPACE = 'urn:leadrail:test:leads';
export const ADD_LEAD_ACTION = `${LEAD_SERVICE_NAMESPACE}/AddLead`;
/** A first name the service answers with a SOAP fault, as a partner rejecting a duplicate would. */
export const DUPLICATE_FIRST_NAME = 'Duplicate';

const BINDING_NAMESPACES = {
  '1.1': 'http://schemas.xmlsoap.org/wsdl/soap/',
  '1.2': 'http://schemas.xmlsoap.org/wsdl/soap12/',
} as const;

/** A partner's lead service: one document/literal operation, AddLead, bound to SOAP `version`. */
export function leadServiceWsdl(version: '1.1' | '1.2', location: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="LeadService" targetNamespace="${LEAD_SERVICE_NAMESPACE}"
    xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="${BINDING_NAMESPACES[version]}"
    xmlns:tns="${LEAD_SERVICE_NAMESPACE}"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <types>
    <xsd:schema targetNamespace="${LEAD_SERVICE_NAMESPACE}" elementFormDefault="qualified">
      <xsd:element name="AddLead">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="FirstName" type="xsd:string"/>
            <xsd:element name="Email" type="xsd:string"/>
            <xsd:element name="Notes" type="xsd:string"/>
            <xsd:element name="DeliveryId" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="AddLeadResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="Result" type="xsd:string"/>
            <xsd:element name="Reference" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </types>
  <message name="AddLeadInput"><part name="parameters" element="tns:AddLead"/></message>
  <message name="AddLeadOutput"><part name="parameters" element="tns:AddLeadResponse"/></message>
  <portType name="LeadPortType">
    <operation name="AddLead">
      <input message="tns:AddLeadInput"/>
      <output message="tns:AddLeadOutput"/>
    </operation>
  </portType>
  <binding name="LeadBinding" type="tns:LeadPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="AddLead">
      <soap:operation soapAction="${ADD_LEAD_ACTION}" style="document"/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="LeadService">
    <port name="LeadPort" binding="tns:LeadBinding">
      <soap:address location="${location}"/>
    </port>
  </service>
</definitions>`;
}

/** What the service got: the operation's arguments as the `soap` package parsed them, and the HTTP headers. */
export interface SoapCall {
  readonly args: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
}

/** A running lead service. */
export interface LeadSoapService {
  /** Where to post envelopes: `http://127.0.0.1:<port>/leads`. */
  readonly url: string;
  readonly calls: SoapCall[];
  close(): Promise<void>;
}

/**
 * Starts the lead service with the `soap` package on 127.0.0.1: it parses the
 * envelope, answers `Result: accepted` with a reference, and answers a lead
 * named {@link DUPLICATE_FIRST_NAME} with a SOAP fault (HTTP 500) of its version.
 */
export async function startLeadSoapService(version: '1.1' | '1.2'): Promise<LeadSoapService> {
  const calls: SoapCall[] = [];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/leads`;
  const services = {
    LeadService: {
      LeadPort: {
        AddLead: (
          args: Record<string, unknown>,
          _callback: unknown,
          _headers: unknown,
          req: IncomingMessage,
        ) => {
          calls.push({ args, headers: { ...req.headers } });
          if (args['FirstName'] === DUPLICATE_FIRST_NAME) {
            // The soap package answers an error with a Fault property as a SOAP fault.
            throw Object.assign(new Error('duplicate lead'), { Fault: duplicateFault(version) });
          }
          return { Result: 'accepted', Reference: `REF-${calls.length}` };
        },
      },
    },
  };
  await new Promise<void>((resolve, reject) => {
    soap.listen(server, {
      path: '/leads',
      services,
      xml: leadServiceWsdl(version, url),
      forceSoap12Headers: version === '1.2',
      callback: (error: unknown) => (error ? reject(toError(error)) : resolve()),
    });
  });
  return {
    url,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function duplicateFault(version: '1.1' | '1.2'): Record<string, unknown> {
  return version === '1.1'
    ? { faultcode: 'soap:Client', faultstring: 'duplicate lead', statusCode: 500 }
    : {
        Code: { Value: 'soap:Sender' },
        Reason: { Text: 'duplicate lead' },
        statusCode: 500,
      };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
