import type pkcs11js from 'pkcs11js';
import { hasFlag, slotFlags, tokenFlags } from './pkcs11Codes';
import { type PinState, pinStateFromFlags } from './pinState';

export type SlotSummary = {
  /** The slot handle as hex: stable while the module stays loaded. */
  readonly slotId: string;
  readonly description: string;
  readonly manufacturer: string;
  readonly tokenPresent: boolean;
  readonly removable: boolean;
  readonly hardware: boolean;
};

export type TokenSummary = {
  readonly libraryPath: string;
  readonly slotId: string;
  readonly label: string;
  readonly serialNumber: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly present: boolean;
  readonly initialized: boolean;
  readonly loginRequired: boolean;
  /** A PIN pad on the reader: C_Login then takes no PIN. */
  readonly protectedAuthenticationPath: boolean;
  readonly pinState: PinState;
};

export function slotSummary(slotId: Buffer, info: pkcs11js.SlotInfo): SlotSummary {
  return {
    slotId: slotId.toString('hex'),
    description: info.slotDescription.trim(),
    manufacturer: info.manufacturerID.trim(),
    tokenPresent: hasFlag(info.flags, slotFlags.CKF_TOKEN_PRESENT),
    removable: hasFlag(info.flags, slotFlags.CKF_REMOVABLE_DEVICE),
    hardware: hasFlag(info.flags, slotFlags.CKF_HW_SLOT),
  };
}

export function tokenSummary(libraryPath: string, slotId: Buffer, info: pkcs11js.TokenInfo): TokenSummary {
  return {
    libraryPath,
    slotId: slotId.toString('hex'),
    label: info.label.trim(),
    serialNumber: info.serialNumber.trim(),
    manufacturer: info.manufacturerID.trim(),
    model: info.model.trim(),
    present: true,
    initialized: hasFlag(info.flags, tokenFlags.CKF_TOKEN_INITIALIZED),
    loginRequired: hasFlag(info.flags, tokenFlags.CKF_LOGIN_REQUIRED),
    protectedAuthenticationPath: hasFlag(info.flags, tokenFlags.CKF_PROTECTED_AUTHENTICATION_PATH),
    pinState: pinStateFromFlags(info.flags),
  };
}
