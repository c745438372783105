/** What a look-up gives when the register could not be asked (network, 5xx, timeout, nonsense answer). */
export const UNAVAILABLE = 'unavailable';
export type Unavailable = typeof UNAVAILABLE;

/** One person from the contact register (KRR), parsed leniently; timestamps are ISO UTC. */
export interface KrrPerson {
  nationalId?: string;
  /** `AKTIV`, `SLETTET`, `IKKE_REGISTRERT`; absent when the register left it out. */
  status?: string;
  reserved: boolean;
  reservedAt?: string;
  reservationUpdatedAt?: string;
  /** `KAN_VARSLES` or `KAN_IKKE_VARSLES`. */
  notificationStatus?: string;
  contact: {
    email?: string;
    emailUpdatedAt?: string;
    emailVerifiedAt?: string;
    mobile?: string;
    mobileUpdatedAt?: string;
    mobileVerifiedAt?: string;
  };
  mailbox?: { address?: string; providerOrgNumber?: string };
  language?: string;
}

/** `undefined`: the register does not know the number at all. */
export type KrrLookup = KrrPerson | undefined | Unavailable;

export interface IdportenLogin {
  eid: string;
  firstLogin?: string;
  lastLogin?: string;
}

/** One account from ID-porten's user service, parsed leniently; timestamps are ISO UTC. */
export interface IdportenUser {
  id?: string;
  nationalId?: string;
  active: boolean;
  closedCode?: string;
  closedAt?: string;
  logins: IdportenLogin[];
  helpDeskReferences: string[];
  createdAt?: string;
  lastModifiedAt?: string;
}

/** An empty list: ID-porten has never seen the person. */
export type IdportenLookup = IdportenUser[] | Unavailable;
