export const UNAVAILABLE = 'unavailable';
export type Unavailable = typeof UNAVAILABLE;

export interface KrrPerson {
  nationalId?: string;
  status?: string;
  reserved: boolean;
  reservedAt?: string;
  reservationUpdatedAt?: string;
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

// `undefined`: the register does not know the number at all.
export type KrrLookup = KrrPerson | undefined | Unavailable;

export interface IdportenLogin {
  eid: string;
  firstLogin?: string;
  lastLogin?: string;
}

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

// An empty list: ID-porten has never seen the person.
export type IdportenLookup = IdportenUser[] | Unavailable;
