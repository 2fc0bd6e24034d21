export const PARTNER_DIRECTORY = Symbol('PARTNER_DIRECTORY');
export interface DirectoryPartner {
  partnerId: string;
  name: string;
  phone: string | null;
  transferPhone: string | null;
  email: string | null;
}
export interface PartnerDirectory {
  byPhone(e164: string): Promise<DirectoryPartner | null>;
  byId(partnerId: string): Promise<DirectoryPartner | null>;
}
export const PARTNER_DELIVERY_SWITCH = Symbol('PARTNER_DELIVERY_SWITCH');
export interface PartnerDeliverySwitch {
  pause(partnerId: string, reason: string): Promise<void>;
  resume(partnerId: string): Promise<void>;
}
