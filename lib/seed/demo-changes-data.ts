import type {
  ChangeClass,
  ChangeType,
  ProductionImpact,
  SafetyImpact,
  SignoffRole,
} from "@/lib/domain/constants";

/** Where the slot lies: a weekly window (weeks from the seeding week), a first-Saturday window shared by both sites, today's outage window, or an emergency window opened on the spot. */
export type DemoSlot =
  | { week: number; from: number; hours: number }
  | { month: number | "next"; hours: number }
  | { outage: true; hours: number }
  | { emergencyDaysAgo: number; hours: number };

/** How far the change got. */
export type DemoPath =
  | "draft"
  | "cancelled"
  | "submitted"
  | "rejected"
  | "approved"
  | "superseded"
  | "in_progress"
  | "implemented"
  | "closed"
  | "failed"
  | "rolled_back";

export interface DemoChange {
  key: string;
  requester: string;
  implementer: string;
  assets: string[];
  type: ChangeType;
  class?: ChangeClass;
  title: string;
  summary: string;
  why: string;
  references?: string[];
  safetyImpact?: SafetyImpact;
  productionImpact?: ProductionImpact;
  downtime?: number;
  untested?: boolean;
  slot: DemoSlot;
  path: DemoPath;
  /** Sign-offs left waiting (each approver's inbox). */
  pending?: SignoffRole[];
  rejectBy?: { role: SignoffRole; comment: string };
  /** Rejected first, then revised into this slot and carried on along `path`. */
  revise?: { slot: DemoSlot; note: string };
  cancelAt?: "draft" | "submitted" | "approved";
  cancelReason?: string;
  outcomeNotes?: string;
  follows?: string;
  /** Gate refusals before the real start: too early, or the wrong person pressing Start. */
  refusal?: "early" | "not_implementer";
  /** Emergency: whether the retrospective sign-offs come in time. */
  retrospective?: "on_time" | "overdue";
  /** Days of lead between filing and the slot (default 8). */
  lead?: number;
  /** A standard change names its catalog model (lib/seed/demo-catalog.ts DEMO_MODELS key). */
  model?: string;
}

const DANA = "dana.ruiz@gcr.demo";
const RAY = "ray.castillo@gcr.demo";
const JONAS = "jonas.weber@rhp.demo";
const MIA = "mia.hoffmann@rhp.demo";
const NOOR = "noor.haddad@corp.demo";
const g = { requester: DANA, implementer: RAY };
const r = { requester: JONAS, implementer: MIA };

export const DEMO_CHANGES: DemoChange[] = [
  // Gulf Coast Refinery
  {
    key: "g-sis-fw",
    ...g,
    assets: ["SIS-CDU-TRI01"],
    type: "firmware_update",
    title: "Tricon CX firmware 11.7.1 to 11.8.0 on the CDU shutdown system",
    summary:
      "Load Tricon CX 11.8.0 on the CDU emergency shutdown logic solver, one main processor at a time.",
    why: "Vendor product alert PA-2025-07 fixes a diagnostic fault that can trip a healthy processor.",
    safetyImpact: "possible",
    slot: { week: -11, from: 1, hours: 5 },
    path: "closed",
    lead: 12,
  },
  {
    key: "g-hmi-patch",
    ...g,
    assets: ["HMI-CDU-01", "HMI-CDU-02"],
    type: "security_patch",
    title: "Monthly Windows security updates on the CDU operator consoles",
    summary:
      "Install the month's qualified Microsoft updates on both Orion console stations, one console at a time.",
    why: "Honeywell qualified the updates for Experion R520.2; keeps the consoles inside the patch policy.",
    slot: { week: -10, from: 1, hours: 3 },
    path: "closed",
    refusal: "early",
  },
  {
    key: "g-std-fw-sig",
    ...g,
    class: "standard",
    model: "gcr-ips-signatures",
    assets: ["FW-CDU-CELL"],
    type: "configuration",
    title: "Standard: FortiGate Rugged IPS signature update",
    summary: "Load the current IPS signature package on the CDU cell firewall.",
    why: "Monthly signature refresh under standard change model SC-001.",
    slot: { week: -9, from: 2, hours: 1 },
    path: "closed",
  },
  {
    key: "g-modbus-dmz",
    ...g,
    assets: ["RTU-TF-01", "FW-TF-01"],
    type: "firewall_rule",
    title: "Allow Modbus/TCP from the DMZ historian to the tank-farm RTUs",
    summary: "Open TCP 502 from the PI DMZ server to RTU-TF-01 through the tank-farm router.",
    why: "Tank gauging data for the new blending dashboard.",
    slot: { week: -8, from: 2, hours: 2 },
    path: "rejected",
    rejectBy: {
      role: "security",
      comment:
        "Modbus from the DMZ into level 1 breaks the zone model. Replicate through the level-3 PI server instead.",
    },
  },
  {
    key: "g-opcua-rule",
    ...g,
    assets: ["FW-GCR-DMZ1"],
    type: "firewall_rule",
    title: "Allow OPC UA from the PI DMZ server to the PHD historian",
    summary: "Add a rule on DMZ firewall 1 for OPC UA from HIS-GCR-PIDMZ to HIS-GCR-PHD.",
    why: "Historian replication for the corporate reporting project.",
    slot: { week: -7, from: 2, hours: 2 },
    path: "closed",
    rejectBy: {
      role: "security",
      comment: "The rule opens TCP 4840-4850; name the one port and the two hosts.",
    },
    revise: {
      slot: { week: -5, from: 2, hours: 2 },
      note: "Narrowed to TCP 4840 between the two named hosts.",
    },
  },
  {
    key: "g-switch-fw",
    ...g,
    assets: ["SW-CDU-01"],
    type: "firmware_update",
    title: "HiOS 09.1.04 to 09.2.00 on the CDU cell switch",
    summary: "Upgrade the Hirschmann RSPE35 in the CDU cell to HiOS 09.2.00.",
    why: "Fixes the MRP ring recovery delay seen in October.",
    slot: { week: -6, from: 1, hours: 2 },
    path: "failed",
    outcomeNotes:
      "The switch did not come back after the reboot; restored 09.1.04 and the saved configuration from backup. Ring recovered in 4 minutes.",
  },
  {
    key: "g-switch-retry",
    ...g,
    assets: ["SW-CDU-01"],
    type: "firmware_update",
    title: "Retry: HiOS 09.2.00 with a staged boot image",
    summary: "Stage the image on the backup flash first, verify, then switch the boot bank.",
    why: "Follows the failed upgrade; vendor case 77812 explains the boot-bank fault.",
    slot: { week: -4, from: 1, hours: 2 },
    path: "closed",
    follows: "g-switch-fw",
  },
  {
    key: "g-ews-hotfix",
    ...g,
    assets: ["EWS-GCR-01"],
    type: "security_patch",
    title: "Experion R520.2 hotfix 3 on the engineering station",
    summary: "Install Experion PKS R520.2 HF3 on EWS-GCR-01.",
    why: "HF3 closes the Control Builder file-parsing vulnerabilities.",
    slot: { week: -3, from: 3, hours: 3 },
    path: "rolled_back",
    outcomeNotes:
      "Control Builder failed its licence check after the hotfix; rolled back from the snapshot taken before the change.",
  },
  {
    key: "g-ews-retry",
    ...g,
    assets: ["EWS-GCR-01"],
    type: "security_patch",
    title: "Experion R520.2 hotfix 3 after the licence-server update",
    summary: "Update the licence server first, then install HF3 on EWS-GCR-01.",
    why: "Follows the rolled-back attempt; Honeywell confirmed the licence-server prerequisite.",
    slot: { week: 1, from: 2, hours: 3 },
    path: "approved",
    follows: "g-ews-hotfix",
  },
  {
    key: "g-htu-hotfix",
    ...g,
    assets: ["DCS-HTU-MQA"],
    type: "security_patch",
    title: "DeltaV 14.3.1 hotfix on HTU controller A",
    summary: "Apply the DeltaV hotfix to the active-standby pair's A side while B carries the load.",
    why: "Emerson KBA NK-2300-0124; the exchanger outage gives the slot.",
    slot: { outage: true, hours: 6 },
    path: "in_progress",
  },
  {
    key: "g-l3-optics",
    ...g,
    assets: ["SW-GCR-L3"],
    type: "network",
    title: "Replace the level-3 switch uplink optics",
    summary: "Swap the two 10G uplink transceivers on the GREYHOUND 1040.",
    why: "Rising CRC errors on both uplinks.",
    slot: { week: -1, from: 1, hours: 2 },
    path: "implemented",
  },
  {
    key: "g-bms-fw",
    ...g,
    assets: ["BMS-CDU-H101"],
    type: "firmware_update",
    title: "GuardLogix 33.011 to 33.015 on the H-101 burner management",
    summary: "Update the GuardLogix safety controller; proof-test the burner trips afterwards.",
    why: "Rockwell advisory on the safety partner watchdog.",
    safetyImpact: "possible",
    slot: { week: -1, from: 2, hours: 5 },
    path: "implemented",
  },
  {
    key: "g-s7-fw",
    ...g,
    assets: ["PLC-HTU-H2C"],
    type: "firmware_update",
    title: "S7-1500 firmware V2.9.4 to V2.9.7 on the hydrogen compressor PLC",
    summary: "Update the CPU 1515-2 PN in the compressor panel.",
    why: "Siemens fixes for the web server and the PROFINET stack.",
    slot: { week: 3, from: 1, hours: 2 },
    path: "approved",
  },
  {
    key: "g-roc-fw",
    ...g,
    assets: ["RTU-TF-01"],
    type: "firmware_update",
    title: "ROC800 firmware 3.80 to 3.81 on tank-farm RTU 1",
    summary: "Update the ROC800 and verify the tank gauging points.",
    why: "Emerson fix for the DNP3 outstation memory leak.",
    slot: { week: 3, from: 3, hours: 2 },
    path: "submitted",
    pending: ["operations"],
  },
  {
    key: "g-prosafe",
    ...g,
    assets: ["SIS-FCC-PSRS1"],
    type: "firmware_update",
    title: "ProSafe-RS R4.07 to R4.08 on the FCC safety station",
    summary: "Revision upgrade of the FCC safety control station with the unit on bypass-free standby.",
    why: "Yokogawa lifecycle notice: R4.07 support ends next quarter.",
    safetyImpact: "possible",
    productionImpact: "outage",
    downtime: 240,
    slot: { week: 4, from: 1, hours: 6 },
    path: "submitted",
    pending: ["safety", "change_board"],
  },
  {
    key: "g-vendor-vpn",
    ...g,
    assets: ["FW-TF-01"],
    type: "firewall_rule",
    title: "Vendor remote-support rule for the tank-farm router",
    summary: "Time-limited rule for the WAGO service engineer through the jump host.",
    why: "Commissioning support for the vapour-recovery controller.",
    slot: { week: 1, from: 4, hours: 2 },
    path: "submitted",
    pending: ["security"],
  },
  {
    key: "g-scada-up",
    ...g,
    assets: ["SCADA-TF-01"],
    type: "configuration",
    title: "Plant SCADA 2023 to 2023 R2 on the tank-farm server",
    summary: "In-place upgrade of AVEVA Plant SCADA; alarm database migrated by the installer.",
    why: "R2 is the first release qualified for the new tank gauging driver.",
    slot: { week: 4, from: 2, hours: 4 },
    path: "draft",
  },
  {
    key: "g-nae-fw",
    ...g,
    assets: ["BAS-UTIL-CR1"],
    type: "firmware_update",
    title: "Metasys NAE firmware 11.0 to 12.0 in the control room",
    summary: "Update the control-room building automation engine.",
    why: "Johnson Controls end-of-support notice.",
    slot: { week: -5, from: 5, hours: 2 },
    path: "cancelled",
    cancelAt: "submitted",
    cancelReason: "Johnson Controls withdrew release 12.0; re-plan when 12.0.1 ships.",
  },
  {
    key: "g-emerg-vpn",
    ...g,
    class: "emergency",
    assets: ["FW-GCR-IT"],
    type: "firewall_rule",
    title: "Emergency: block the exploited GlobalProtect portal on the IT/OT firewall",
    summary: "Disable the portal and block inbound TCP 443 to it until the fix is installed.",
    why: "Active exploitation reported by CISA this morning; the portal faces the business network.",
    references: ["CVE-2024-3400"],
    productionImpact: "degraded",
    slot: { emergencyDaysAgo: 30, hours: 2 },
    path: "closed",
    retrospective: "on_time",
  },
  {
    key: "g-centum",
    ...g,
    assets: ["DCS-UTIL-FCU1"],
    type: "firmware_update",
    title: "CENTUM VP R6.09 to R6.10 on the utilities field control unit",
    summary: "Online revision of the FCU software with the duplexed CPU.",
    why: "Yokogawa recommends R6.10 for the FCU time-sync fix.",
    slot: { week: 4, from: 3, hours: 3 },
    path: "superseded",
    pending: ["security"],
  },

  // Rheinfeld Pharma Plant
  {
    key: "r-sis-fw",
    ...r,
    assets: ["SIS-FIL-F01"],
    type: "firmware_update",
    title: "S7-1500F firmware V2.9.7 to V3.0.3 on the filling-line safety CPU",
    summary: "Update the fail-safe CPU; F-signature compared before and after.",
    why: "Siemens SSA-2025-11 fixes a PROFIsafe watchdog issue.",
    safetyImpact: "possible",
    slot: { week: -11, from: 1, hours: 5 },
    path: "closed",
    lead: 12,
  },
  {
    key: "r-wincc",
    ...r,
    assets: ["OS-API-01"],
    type: "security_patch",
    title: "WinCC V9.1 SP2 Update 3 on PCS 7 OS server 1",
    summary: "Update the first OS server; OS server 2 carries the plant meanwhile.",
    why: "Siemens SSA for the WinCC runtime; qualified in the PCS 7 compatibility tool.",
    slot: { week: -10, from: 1, hours: 4 },
    path: "closed",
    refusal: "early",
  },
  {
    key: "r-std-hmi-pw",
    ...r,
    class: "standard",
    model: "rhp-hmi-password",
    assets: ["HMI-WH-01"],
    type: "access",
    title: "Standard: rotate the local administrator password on the warehouse HMI",
    summary: "Quarterly rotation through the password vault.",
    why: "Quarterly rotation under standard change model SC-001.",
    slot: { week: -9, from: 2, hours: 1 },
    path: "closed",
  },
  {
    key: "r-std-pi",
    ...r,
    class: "standard",
    model: "rhp-dmz-windows",
    assets: ["HIS-RHP-PIDMZ"],
    type: "security_patch",
    title: "Standard: monthly Windows updates on the PI DMZ server",
    summary: "Install the month's updates on the DMZ historian.",
    why: "Monthly updates under standard change model SC-002.",
    slot: { week: -7, from: 3, hours: 2 },
    path: "closed",
  },
  {
    key: "r-filler-timing",
    ...r,
    assets: ["PLC-FIL-201A"],
    type: "configuration",
    title: "Shorten the stopper-bowl interlock delay on filler 201",
    summary: "Reduce the interlock delay from 800 ms to 500 ms.",
    why: "Reduces micro-stops on the line.",
    slot: { week: -8, from: 2, hours: 2 },
    path: "rejected",
    rejectBy: {
      role: "quality",
      comment:
        "No validation protocol or impact assessment attached (EU GMP Annex 11). Resubmit with the test protocol.",
    },
  },
  {
    key: "r-washer-fw",
    ...r,
    assets: ["PLC-FIL-WSH1"],
    type: "firmware_update",
    title: "CompactLogix 35.011 to 36.011 on the vial washer PLC",
    summary: "Firmware update of the washer PLC with the recipe backup verified.",
    why: "Rockwell fix for the CIP connection fault.",
    slot: { week: -6, from: 1, hours: 2 },
    path: "closed",
    rejectBy: { role: "operations", comment: "The slot overlaps washing of lot 2409; move it one week." },
    revise: { slot: { week: -4, from: 1, hours: 2 }, note: "Moved one week later, after lot 2409." },
  },
  {
    key: "r-ahu-fw",
    ...r,
    assets: ["BAS-CU-AHU01"],
    type: "firmware_update",
    title: "Desigo PXC5 firmware V6.0 to V7.0 on AHU 01",
    summary: "Update the cleanroom air-handling controller.",
    why: "Siemens end-of-support for V6.",
    slot: { week: -6, from: 3, hours: 2 },
    path: "failed",
    outcomeNotes:
      "The controller lost its BACnet configuration after the update; restored V6.0 and the saved configuration. Room pressures stayed in range.",
  },
  {
    key: "r-ahu-retry",
    ...r,
    assets: ["BAS-CU-AHU01"],
    type: "firmware_update",
    title: "Retry: PXC5 V7.0 with the configuration exported first",
    summary: "Export the BACnet configuration with the V7 tool, update, re-import.",
    why: "Follows the failed update; Siemens support case 4411.",
    slot: { week: -3, from: 1, hours: 3 },
    path: "closed",
    follows: "r-ahu-fw",
  },
  {
    key: "r-empower",
    ...r,
    assets: ["SRV-QC-CDS1"],
    type: "security_patch",
    title: "Empower 3 FR5 SR5 to SR6 on the QC chromatography server",
    summary: "Service release on the chromatography data system.",
    why: "Waters security bulletin for the Empower web services.",
    slot: { week: -5, from: 2, hours: 4 },
    path: "rolled_back",
    outcomeNotes:
      "The audit-trail export failed the post-installation check; rolled back to SR5 from the validated image.",
  },
  {
    key: "r-empower-retry",
    ...r,
    assets: ["SRV-QC-CDS1"],
    type: "security_patch",
    title: "Empower 3 SR6 with the corrected audit-trail export",
    summary: "Install SR6 with Waters' patch for the export; rerun the validation script.",
    why: "Follows the rolled-back attempt.",
    slot: { week: 1, from: 2, hours: 4 },
    path: "submitted",
    follows: "r-empower",
    pending: ["quality"],
  },
  {
    key: "r-asrs-fw",
    ...r,
    assets: ["PLC-WH-ASRS"],
    type: "firmware_update",
    title: "ControlLogix 34.011 to 35.013 on the AS/RS PLC",
    summary: "Update the warehouse storage-and-retrieval PLC during the maintenance stop.",
    why: "Rockwell advisory for the 5580 controllers.",
    slot: { outage: true, hours: 5 },
    path: "in_progress",
  },
  {
    key: "r-scalance",
    ...r,
    assets: ["FW-FIL-CELL"],
    type: "firmware_update",
    title: "SCALANCE S615 V7.1.2 to V8.0 on the filling cell firewall",
    summary: "Update the cell firewall; rules re-verified against the baseline export.",
    why: "Siemens SSA for the S615 web interface.",
    slot: { week: -1, from: 1, hours: 2 },
    path: "implemented",
  },
  {
    key: "r-sis-api",
    ...r,
    assets: ["SIS-API-F01"],
    type: "firmware_update",
    title: "S7-1500F firmware V3.0.3 to V3.1.2 on the API safety CPU",
    summary: "Update the reactor safety CPU; proof-test the high-temperature trip.",
    why: "Siemens SSA-2025-11 for the fail-safe CPUs.",
    safetyImpact: "possible",
    slot: { week: -1, from: 3, hours: 5 },
    path: "implemented",
  },
  {
    key: "r-desigo",
    ...r,
    assets: ["BAS-CU-DCC"],
    type: "security_patch",
    title: "Desigo CC V6.0 QU3 to QU4",
    summary: "Quality update on the building management server.",
    why: "Siemens fixes for the web client.",
    slot: { week: 2, from: 1, hours: 3 },
    path: "approved",
  },
  {
    key: "r-nport",
    ...r,
    assets: ["GW-QC-NP01"],
    type: "firmware_update",
    title: "NPort 5150 firmware 3.11 to 3.12 on the QC balance gateway",
    summary: "Update the serial gateway of the QC balances.",
    why: "Moxa advisory for the NPort web console.",
    slot: { week: 2, from: 3, hours: 1 },
    path: "submitted",
    pending: ["operations"],
  },
  {
    key: "r-wfi-plc",
    ...r,
    assets: ["PLC-CU-WFI1"],
    type: "firmware_update",
    title: "S7-1500 firmware V2.9.4 to V3.1.2 on the WFI loop PLC",
    summary: "Update the water-for-injection loop PLC; sanitisation cycle verified after.",
    why: "Siemens end of V2.9 support.",
    safetyImpact: "possible",
    productionImpact: "outage",
    downtime: 120,
    slot: { week: 3, from: 1, hours: 4 },
    path: "submitted",
    pending: ["safety", "change_board"],
  },
  {
    key: "r-dmz-rule",
    ...r,
    assets: ["FW-RHP-DMZ1"],
    type: "firewall_rule",
    title: "Allow historian replication to the PI DMZ server",
    summary: "Rule for PI-to-PI replication from HIS-RHP-PH1 to HIS-RHP-PIDMZ.",
    why: "Site performance dashboard for the corporate network.",
    slot: { week: 1, from: 4, hours: 2 },
    path: "submitted",
    pending: ["security"],
  },
  {
    key: "r-tia",
    ...r,
    assets: ["EWS-RHP-01"],
    type: "configuration",
    title: "TIA Portal V18 to V19 on the site engineering station",
    summary: "Install V19 beside V18; projects migrate one by one later.",
    why: "V19 needed for the new filler CPU firmware.",
    slot: { week: 3, from: 4, hours: 4 },
    path: "draft",
  },
  {
    key: "r-ac500",
    ...r,
    assets: ["PLC-CU-CST1"],
    type: "firmware_update",
    title: "AC500 firmware 3.6.0 to 3.7.0 on the clean-steam PLC",
    summary: "Update the clean-steam generator PLC.",
    why: "ABB fix for the Modbus server.",
    slot: { week: -2, from: 2, hours: 2 },
    path: "cancelled",
    cancelAt: "approved",
    cancelReason: "ABB replaced 3.7.0 with 3.7.1 after a field issue; a new change will follow.",
  },
  {
    key: "r-emerg-qc",
    ...r,
    class: "emergency",
    assets: ["FW-QC-01"],
    type: "firewall_rule",
    title: "Emergency: isolate the QC lab port used by an infected laptop",
    summary: "Block the switch port's traffic at the QC firewall until the laptop is reimaged.",
    why: "The site SOC detected malware beaconing from a QC laptop.",
    productionImpact: "degraded",
    slot: { emergencyDaysAgo: 40, hours: 2 },
    path: "closed",
    retrospective: "on_time",
  },
  {
    key: "r-emerg-hmi",
    ...r,
    class: "emergency",
    assets: ["HMI-FIL-02"],
    type: "configuration",
    title: "Emergency: restore the filler 2 operator panel image",
    summary: "Reload the validated panel image after the panel corrupted its project.",
    why: "Line 2 could not be operated; lot 2412 waiting.",
    productionImpact: "outage",
    downtime: 90,
    slot: { emergencyDaysAgo: 5, hours: 2 },
    path: "implemented",
    retrospective: "overdue",
  },
  {
    key: "r-scrubber",
    ...r,
    assets: ["PLC-API-SCR1"],
    type: "firmware_update",
    title: "S7-1500 firmware V3.1.2 to V3.1.4 on the off-gas scrubber PLC",
    summary: "Update the scrubber PLC; interlocks tested with the loop check sheet.",
    why: "Siemens fix for the OPC UA server.",
    slot: { week: 3, from: 2, hours: 2 },
    path: "superseded",
    pending: ["operations"],
  },

  // Both sites
  {
    key: "m-pi-patch",
    requester: NOOR,
    implementer: NOOR,
    assets: ["HIS-GCR-PIDMZ", "HIS-RHP-PIDMZ"],
    type: "security_patch",
    title: "PI Server 2023 patch 1 on both DMZ historians",
    summary: "Patch the two DMZ PI servers in the shared first-Saturday window.",
    why: "AVEVA security bulletin AVEVA-2025-003.",
    slot: { month: -2, hours: 3 },
    path: "closed",
  },
  {
    key: "m-core-snmp",
    requester: NOOR,
    implementer: NOOR,
    assets: ["SW-GCR-CORE1", "SW-RHP-CORE1"],
    type: "configuration",
    title: "SNMPv3 only on the core switches of both sites",
    summary: "Disable SNMPv1/v2c and enable SNMPv3 with the new monitoring credentials.",
    why: "Corporate OT network standard ONS-7.",
    slot: { month: -1, hours: 3 },
    path: "closed",
  },
  {
    key: "m-ntp-rule",
    requester: NOOR,
    implementer: NOOR,
    assets: ["FW-GCR-DMZ2", "FW-RHP-DMZ2"],
    type: "firewall_rule",
    title: "Corporate NTP servers through both DMZ firewalls",
    summary: "Allow NTP from the corporate stratum-1 servers to the DMZ time servers.",
    why: "Harmonises plant time sources before the historian consolidation.",
    slot: { month: "next", hours: 3 },
    path: "submitted",
    pending: ["operations"],
  },
];
