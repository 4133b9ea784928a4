import type { AssetKind, Criticality } from "@/lib/domain/constants";

/**
 * The demo plants' control systems. Real vendors, products, order numbers and plausible firmware,
 * so that imported ICS advisories (Siemens, Rockwell, Honeywell, Schneider, Emerson, Yokogawa,
 * Moxa, ABB, Hitachi Energy, Phoenix Contact, WAGO, AVEVA…) find something to match.
 */
export interface DemoAsset {
  tag: string;
  name: string;
  kind: AssetKind;
  areaCode: string | null;
  vendor: string;
  product: string;
  modelNumber: string;
  version: string;
  purdueLevel: number | null;
  zone: string;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  redundancyGroup: string | null;
}

type Flags = { safety?: boolean; gxp?: boolean; group?: string };
type Row = [tag: string, name: string, kind: AssetKind, area: string | null, vendor: string, product: string, model: string, version: string, purdue: number | null, zone: string, criticality: Criticality, flags?: Flags];

const SC: Criticality = "safety_critical";
const PC: Criticality = "production_critical";
const SU: Criticality = "supporting";

const build = (rows: Row[]): DemoAsset[] =>
  rows.map(([tag, name, kind, areaCode, vendor, product, modelNumber, version, purdueLevel, zone, criticality, f = {}]) => ({
    tag,
    name,
    kind,
    areaCode,
    vendor,
    product,
    modelNumber,
    version,
    purdueLevel,
    zone,
    criticality,
    safetyRelated: f.safety ?? false,
    gxp: f.gxp ?? false,
    redundancyGroup: f.group ?? null,
  }));

// Gulf Coast Refinery: Honeywell Experion and Emerson DeltaV process control, Triconex, Yokogawa
// and HIMA safety systems, tank-farm RTUs, an industrial DMZ at Purdue 3.5.
const GCR: Row[] = [
  ["DCS-CDU-C300A", "CDU Experion C300 controller A", "dcs_controller", "CDU", "Honeywell", "Experion PKS C300 Controller", "CC-PCNT02", "R520.2", 1, "GCR-CDU-BPCS", PC, { group: "CDU-C300-01" }],
  ["DCS-CDU-C300B", "CDU Experion C300 controller B", "dcs_controller", "CDU", "Honeywell", "Experion PKS C300 Controller", "CC-PCNT02", "R520.2", 1, "GCR-CDU-BPCS", PC, { group: "CDU-C300-01" }],
  ["SIS-CDU-TRI01", "CDU emergency shutdown logic solver", "sis_logic_solver", "CDU", "Schneider Electric", "Triconex Tricon CX", "3009X", "11.7.1", 1, "GCR-CDU-SIS", SC, { safety: true }],
  ["BMS-CDU-H101", "Crude heater H-101 burner management", "sis_logic_solver", "CDU", "Rockwell Automation", "GuardLogix 5580", "1756-L83ES", "33.011", 1, "GCR-CDU-SIS", SC, { safety: true }],
  ["PLC-CDU-DSL1", "Desalter package PLC", "plc", "CDU", "Rockwell Automation", "ControlLogix 5580", "1756-L83E", "33.011", 1, "GCR-CDU-BPCS", PC],
  ["HMI-CDU-01", "CDU console station 1", "hmi", "CDU", "Honeywell", "Experion PKS Orion Console Station", "MZ-PCWS84", "R520.2", 2, "GCR-L2-SUP", PC],
  ["HMI-CDU-02", "CDU console station 2", "hmi", "CDU", "Honeywell", "Experion PKS Orion Console Station", "MZ-PCWS84", "R520.2", 2, "GCR-L2-SUP", PC],
  ["FW-CDU-CELL", "CDU cell firewall", "firewall", "CDU", "Fortinet", "FortiGate Rugged 60F", "FGR-60F", "7.0.14", 2, "GCR-CDU-BPCS", PC],
  ["SW-CDU-01", "CDU control network switch", "network_switch", "CDU", "Hirschmann", "RSPE35 (HiOS)", "RSPE35-24044O7T99-SCCZ999HHSE3A", "09.1.04", 2, "GCR-CDU-BPCS", PC],
  ["DCS-FCC-C300A", "FCC Experion C300 controller A", "dcs_controller", "FCC", "Honeywell", "Experion PKS C300 Controller", "CC-PCNT02", "R511.5", 1, "GCR-FCC-BPCS", PC, { group: "FCC-C300-01" }],
  ["DCS-FCC-C300B", "FCC Experion C300 controller B", "dcs_controller", "FCC", "Honeywell", "Experion PKS C300 Controller", "CC-PCNT02", "R511.5", 1, "GCR-FCC-BPCS", PC, { group: "FCC-C300-01" }],
  ["SIS-FCC-PSRS1", "FCC reactor/regenerator safety system", "sis_logic_solver", "FCC", "Yokogawa", "ProSafe-RS Safety Control Station", "SSC60D", "R4.07.00", 1, "GCR-FCC-SIS", SC, { safety: true }],
  ["PLC-FCC-PRT1", "Power recovery train controller", "plc", "FCC", "ABB", "AC 800M", "PM866A", "6.1.1", 1, "GCR-FCC-BPCS", PC],
  ["HMI-FCC-01", "FCC console station", "hmi", "FCC", "Honeywell", "Experion PKS Orion Console Station", "MZ-PCWS84", "R511.5", 2, "GCR-L2-SUP", PC],
  ["HMI-FCC-WGC", "Wet gas compressor local panel", "hmi", "FCC", "Siemens", "SIMATIC HMI TP1200 Comfort", "6AV2124-0MC01-0AX0", "V17", 1, "GCR-FCC-BPCS", PC],
  ["DCS-HTU-MQA", "Hydrotreater DeltaV controller A", "dcs_controller", "HTU", "Emerson", "DeltaV MQ Controller", "VE3007", "14.3.1", 1, "GCR-HTU-BPCS", PC, { group: "HTU-MQ-01" }],
  ["DCS-HTU-MQB", "Hydrotreater DeltaV controller B", "dcs_controller", "HTU", "Emerson", "DeltaV MQ Controller", "VE3007", "14.3.1", 1, "GCR-HTU-BPCS", PC, { group: "HTU-MQ-01" }],
  ["SIS-HTU-SLS1", "Hydrotreater SIS logic solver", "sis_logic_solver", "HTU", "Emerson", "DeltaV SIS Logic Solver", "SLS1508", "14.3.1", 1, "GCR-HTU-SIS", SC, { safety: true }],
  ["HMI-HTU-01", "Hydrotreater DeltaV Operate station", "hmi", "HTU", "Emerson", "DeltaV Operate", "DeltaV Operator Station", "14.3.1", 2, "GCR-L2-SUP", PC],
  ["PLC-HTU-H2C", "Make-up hydrogen compressor PLC", "plc", "HTU", "Siemens", "SIMATIC S7-1500 CPU 1515-2 PN", "6ES7515-2AM02-0AB0", "V2.9.4", 1, "GCR-HTU-BPCS", PC],
  ["RTU-TF-01", "Tank farm north RTU", "rtu", "TF", "Emerson", "ROC800 Remote Operations Controller", "ROC809", "3.80", 1, "GCR-TF-SCADA", PC],
  ["RTU-TF-02", "Tank farm south RTU", "rtu", "TF", "Schneider Electric", "SCADAPack 570", "SCADAPack 570", "9.2.1", 1, "GCR-TF-SCADA", PC],
  ["RTU-TF-03", "Marine loading RTU", "rtu", "TF", "Hitachi Energy", "RTU500 series RTU560", "560CMR02", "13.4.1", 1, "GCR-TF-SCADA", PC],
  ["RTU-TF-04", "Pipeline custody transfer RTU", "rtu", "TF", "ABB", "RTU560", "560CIG10", "13.2.6", 1, "GCR-TF-SCADA", PC],
  ["PLC-TF-BLND", "Gasoline blending PLC", "plc", "TF", "Rockwell Automation", "CompactLogix 5380", "5069-L330ER", "34.011", 1, "GCR-TF-SCADA", PC],
  ["PLC-TF-VRU", "Vapour recovery unit controller", "plc", "TF", "Phoenix Contact", "PLCnext Control AXC F 2152", "2404267", "2023.0.1", 1, "GCR-TF-SCADA", SU],
  ["PLC-TF-TGW", "Tank gauging gateway", "plc", "TF", "WAGO", "PFC200 Controller", "750-8212", "04.03.03(26)", 1, "GCR-TF-SCADA", SU],
  ["SCADA-TF-01", "Tank farm SCADA server", "scada_server", "TF", "AVEVA", "Plant SCADA", "Plant SCADA Server", "2023", 2, "GCR-L2-SUP", PC],
  ["HMI-TF-01", "Tank farm operator panel", "hmi", "TF", "Siemens", "SIMATIC HMI TP1200 Comfort", "6AV2124-0MC01-0AX0", "V16 Update 4", 2, "GCR-TF-SCADA", SU],
  ["FW-TF-01", "Tank farm secure router", "firewall", "TF", "Moxa", "EDR-810 Secure Router", "EDR-810-2GSFP", "5.12", 2, "GCR-TF-SCADA", PC],
  ["DCS-UTIL-FCU1", "Steam and power field control unit", "dcs_controller", "UTIL", "Yokogawa", "CENTUM VP Field Control Unit", "AFV30D", "R6.09.00", 1, "GCR-UTIL-BPCS", PC],
  ["FGS-UTIL-01", "Site fire and gas system", "sis_logic_solver", "UTIL", "HIMA", "HIMax", "X-CPU 31", "10.42", 1, "GCR-UTIL-SIS", SC, { safety: true }],
  ["BMS-UTIL-B1", "Boiler B-1 burner management", "sis_logic_solver", "UTIL", "Schneider Electric", "Modicon M580 Safety", "BMEP584040S", "4.10", 1, "GCR-UTIL-SIS", SC, { safety: true }],
  ["PLC-UTIL-CT1", "Cooling tower PLC", "plc", "UTIL", "Schneider Electric", "Modicon M340", "BMXP342020", "3.50", 1, "GCR-UTIL-BPCS", SU],
  ["PLC-UTIL-FLR", "Flare gas recovery PLC", "plc", "UTIL", "Rockwell Automation", "ControlLogix 5580", "1756-L83E", "32.013", 1, "GCR-UTIL-BPCS", PC],
  ["BAS-UTIL-CR1", "Control room HVAC controller", "bas_controller", "UTIL", "Johnson Controls", "Metasys Network Automation Engine", "MS-NAE5510-3", "11.0", 2, "GCR-BAS", SU],
  ["HIS-GCR-PHD", "Process history database", "historian", null, "Honeywell", "Uniformance PHD", "PHD Server", "R410", 3, "GCR-L3-OPS", SU],
  ["HIS-GCR-PI", "Refinery PI Server", "historian", null, "AVEVA", "PI Server", "PI Data Archive", "2018 SP3 Patch 5", 3, "GCR-L3-OPS", SU],
  ["HIS-GCR-PIDMZ", "DMZ PI Server (business replica)", "historian", null, "AVEVA", "PI Server", "PI Data Archive", "2023", 3.5, "GCR-DMZ", SU],
  ["EWS-GCR-01", "Experion engineering workstation", "engineering_workstation", null, "Honeywell", "Experion PKS Engineering Station", "Dell Precision 3660", "R520.2", 3, "GCR-L3-OPS", PC],
  ["EWS-GCR-02", "Logix and Triconex engineering workstation", "engineering_workstation", null, "Rockwell Automation", "Studio 5000 Logix Designer", "Dell Precision 3660", "V34.01", 3, "GCR-L3-OPS", SC, { safety: true }],
  ["SW-GCR-CORE1", "Process control core switch 1", "network_switch", null, "Cisco", "Industrial Ethernet 4000", "IE-4000-8GT4G-E", "15.2(8)E4", 2, "GCR-CORE", PC, { group: "GCR-CORE-SW" }],
  ["SW-GCR-CORE2", "Process control core switch 2", "network_switch", null, "Cisco", "Industrial Ethernet 4000", "IE-4000-8GT4G-E", "15.2(8)E4", 2, "GCR-CORE", PC, { group: "GCR-CORE-SW" }],
  ["SW-GCR-L3", "Operations network switch", "network_switch", null, "Hirschmann", "GREYHOUND 1040 (HiOS)", "GRS1042", "09.0.06", 3, "GCR-L3-OPS", SU],
  ["FW-GCR-DMZ1", "Industrial DMZ firewall A", "firewall", null, "Fortinet", "FortiGate 600F", "FG-601F", "7.2.8", 3.5, "GCR-DMZ", PC, { group: "GCR-DMZ-FW" }],
  ["FW-GCR-DMZ2", "Industrial DMZ firewall B", "firewall", null, "Fortinet", "FortiGate 600F", "FG-601F", "7.2.8", 3.5, "GCR-DMZ", PC, { group: "GCR-DMZ-FW" }],
  ["FW-GCR-IT", "IT/OT boundary firewall", "firewall", null, "Palo Alto Networks", "PA-3220", "PA-3220", "10.2.9-h1", 3.5, "GCR-DMZ", PC],
];

// Rheinfeld Pharma Plant: SIMATIC PCS 7 and DeltaV, safety PLCs, Desigo cleanroom HVAC, mostly GxP.
const RHP: Row[] = [
  ["DCS-API-AS410A", "Synthesis PCS 7 automation system A", "dcs_controller", "API", "Siemens", "SIMATIC PCS 7 AS 410-5H", "6ES7410-5HX08-0AB0", "V8.2.3", 1, "RHP-API-BPCS", PC, { gxp: true, group: "API-AS410" }],
  ["DCS-API-AS410B", "Synthesis PCS 7 automation system B", "dcs_controller", "API", "Siemens", "SIMATIC PCS 7 AS 410-5H", "6ES7410-5HX08-0AB0", "V8.2.3", 1, "RHP-API-BPCS", PC, { gxp: true, group: "API-AS410" }],
  ["OS-API-01", "PCS 7 OS server 1", "scada_server", "API", "Siemens", "SIMATIC PCS 7 OS (WinCC)", "6ES7658-2AA68-0YA0", "V9.1 SP2", 2, "RHP-API-SUP", PC, { gxp: true, group: "API-OS" }],
  ["OS-API-02", "PCS 7 OS server 2", "scada_server", "API", "Siemens", "SIMATIC PCS 7 OS (WinCC)", "6ES7658-2AA68-0YA0", "V9.1 SP2", 2, "RHP-API-SUP", PC, { gxp: true, group: "API-OS" }],
  ["SIS-API-F01", "Reactor R-201 safety PLC", "sis_logic_solver", "API", "Siemens", "SIMATIC S7-1500F CPU 1516F-3 PN/DP", "6ES7516-3FP03-0AB0", "V3.0.3", 1, "RHP-API-SIS", SC, { safety: true }],
  ["DCS-API-BR01A", "Bioreactor DeltaV controller A", "dcs_controller", "API", "Emerson", "DeltaV MQ Controller", "VE3007", "15.1.1", 1, "RHP-API-BPCS", PC, { gxp: true, group: "API-BR-MQ" }],
  ["DCS-API-BR01B", "Bioreactor DeltaV controller B", "dcs_controller", "API", "Emerson", "DeltaV MQ Controller", "VE3007", "15.1.1", 1, "RHP-API-BPCS", PC, { gxp: true, group: "API-BR-MQ" }],
  ["HMI-API-BR01", "Bioreactor DeltaV Operate station", "hmi", "API", "Emerson", "DeltaV Operate", "DeltaV Operator Station", "15.1.1", 2, "RHP-API-SUP", PC, { gxp: true }],
  ["PLC-API-SCR1", "Off-gas scrubber PLC", "plc", "API", "Siemens", "SIMATIC S7-1500 CPU 1511-1 PN", "6ES7511-1AL03-0AB0", "V3.1.2", 1, "RHP-API-BPCS", PC],
  ["PLC-API-DOS1", "Solvent dosing skid PLC", "plc", "API", "Rockwell Automation", "CompactLogix 5380", "5069-L320ER", "33.015", 1, "RHP-API-BPCS", PC, { gxp: true }],
  ["HMI-API-01", "Synthesis local operator panel", "hmi", "API", "Siemens", "SIMATIC HMI MTP1200 Unified Comfort", "6AV2128-3MB06-0AX1", "V18 Update 3", 2, "RHP-API-SUP", PC, { gxp: true }],
  ["EWS-API-ES1", "PCS 7 engineering station", "engineering_workstation", "API", "Siemens", "SIMATIC PCS 7 Engineering Station", "SIMATIC IPC847E", "V9.1 SP2", 3, "RHP-L3-OPS", PC, { gxp: true }],
  ["PLC-FIL-201A", "Filling line 2 PLC (A)", "plc", "FIL", "Siemens", "SIMATIC S7-1500 CPU 1511-1 PN", "6ES7511-1AL03-0AB0", "V3.0.3", 1, "RHP-FIL-CELL", PC, { gxp: true }],
  ["PLC-FIL-ISO1", "Isolator I-301 controller", "plc", "FIL", "Rockwell Automation", "ControlLogix 5580", "1756-L82E", "32.013", 1, "RHP-FIL-CELL", PC, { gxp: true }],
  ["PLC-FIL-WSH1", "Vial washer controller", "plc", "FIL", "Rockwell Automation", "CompactLogix 5380", "5069-L330ERM", "35.011", 1, "RHP-FIL-CELL", PC, { gxp: true }],
  ["SIS-FIL-F01", "Filling line safety PLC", "sis_logic_solver", "FIL", "Siemens", "SIMATIC S7-1500F CPU 1515F-2 PN", "6ES7515-2FM02-0AB0", "V2.9.7", 1, "RHP-FIL-CELL", SC, { safety: true, gxp: true }],
  ["HMI-FIL-01", "Filling line HMI 1", "hmi", "FIL", "Siemens", "SIMATIC HMI TP1500 Comfort", "6AV2124-0QC02-0AX1", "V17 Update 6", 2, "RHP-FIL-CELL", PC, { gxp: true }],
  ["HMI-FIL-02", "Filling line HMI 2", "hmi", "FIL", "Siemens", "SIMATIC HMI TP1500 Comfort", "6AV2124-0QC02-0AX1", "V17 Update 6", 2, "RHP-FIL-CELL", PC, { gxp: true }],
  ["SCADA-FIL-01", "Fill-finish batch and SCADA server", "scada_server", "FIL", "Rockwell Automation", "FactoryTalk View SE", "FactoryTalk View SE Server", "13.0", 2, "RHP-FIL-SUP", PC, { gxp: true }],
  ["FW-FIL-CELL", "Fill-finish cell firewall", "firewall", "FIL", "Siemens", "SCALANCE S615", "6GK5615-0AA00-2AA2", "V7.1.2", 2, "RHP-FIL-CELL", PC, { gxp: true }],
  ["SW-FIL-01", "Fill-finish cell switch", "network_switch", "FIL", "Moxa", "EDS-510E managed Ethernet switch", "EDS-510E-3GTXSFP", "5.6", 2, "RHP-FIL-CELL", PC],
  ["BAS-CU-DCC", "Desigo CC building management server", "scada_server", "CU", "Siemens", "Desigo CC", "Desigo CC Server", "V6.0 QU3", 2, "RHP-BAS", PC, { gxp: true }],
  ["BAS-CU-AHU01", "Cleanroom grade A/B air handler controller", "bas_controller", "CU", "Siemens", "Desigo PXC5", "PXC5.E003", "V6.0", 1, "RHP-BAS", PC, { gxp: true }],
  ["BAS-CU-AHU02", "Cleanroom grade C/D air handler controller", "bas_controller", "CU", "Siemens", "Desigo PXC4", "PXC4.E16", "V6.0", 1, "RHP-BAS", PC, { gxp: true }],
  ["BAS-CU-PRS1", "Cleanroom pressure cascade controller", "bas_controller", "CU", "Siemens", "Desigo PXC5", "PXC5.E003", "V6.0", 1, "RHP-BAS", PC, { gxp: true }],
  ["PLC-CU-WFI1", "WFI generation and loop PLC", "plc", "CU", "Siemens", "SIMATIC S7-1500 CPU 1515-2 PN", "6ES7515-2AM02-0AB0", "V2.9.4", 1, "RHP-CU-BPCS", PC, { gxp: true }],
  ["PLC-CU-CST1", "Clean steam generator PLC", "plc", "CU", "ABB", "AC500 V3", "PM5650-2ETH", "3.6.0", 1, "RHP-CU-BPCS", PC, { gxp: true }],
  ["PLC-CU-CHL1", "Chilled water plant controller", "plc", "CU", "Yokogawa", "STARDOM FCN-500", "NFCP501", "R4.31", 1, "RHP-CU-BPCS", SU],
  ["RLY-CU-MV01", "Medium-voltage incomer protection relay", "other", "CU", "Hitachi Energy", "Relion REF615", "HBFHAEAGNCA1BNN11E", "5.0 FP1", 1, "RHP-CU-POWER", PC],
  ["SW-CU-01", "Utilities network switch", "network_switch", "CU", "Moxa", "EDS-G516E managed Ethernet switch", "EDS-G516E-4GSFP", "6.4", 2, "RHP-CU-BPCS", SU],
  ["GW-QC-NP01", "QC balance serial device server", "other", "QC", "Moxa", "NPort 5150", "NPort 5150", "3.11", 2, "RHP-QC", SU, { gxp: true }],
  ["SRV-QC-CDS1", "Chromatography data system server", "other", "QC", "Waters", "Empower 3 CDS", "Empower 3 Enterprise", "FR5 SR5", 3, "RHP-QC", PC, { gxp: true }],
  ["FW-QC-01", "QC laboratory firewall", "firewall", "QC", "Phoenix Contact", "FL MGUARD RS4000", "2700634", "8.9.3", 2, "RHP-QC", SU, { gxp: true }],
  ["PLC-WH-ASRS", "Automated storage and retrieval PLC", "plc", "WH", "Rockwell Automation", "ControlLogix 5580", "1756-L83E", "34.011", 1, "RHP-WH", SU],
  ["HMI-WH-01", "Warehouse operator terminal", "hmi", "WH", "Rockwell Automation", "PanelView Plus 7", "2711P-T12W22D9P", "13.100", 2, "RHP-WH", SU],
  ["PLC-WH-TMP1", "Cold room temperature monitoring controller", "plc", "WH", "WAGO", "PFC200 Controller", "750-8212", "04.04.03(27)", 1, "RHP-WH", PC, { gxp: true }],
  ["PLC-WH-DOCK", "Loading dock door controller", "plc", "WH", "Schneider Electric", "Modicon M241", "TM241CEC24T", "5.1.9", 1, "RHP-WH", SU],
  ["HIS-RHP-PH1", "Process historian", "historian", null, "Siemens", "SIMATIC Process Historian", "Process Historian Server", "2022", 3, "RHP-L3-OPS", PC, { gxp: true }],
  ["HIS-RHP-PIDMZ", "DMZ PI Server for batch reporting", "historian", null, "AVEVA", "PI Server", "PI Data Archive", "2023", 3.5, "RHP-DMZ", SU],
  ["EWS-RHP-01", "TIA Portal engineering workstation", "engineering_workstation", null, "Siemens", "TIA Portal", "SIMATIC Field PG M6", "V18 Update 3", 3, "RHP-L3-OPS", PC, { gxp: true }],
  ["SW-RHP-CORE1", "Plant core switch 1", "network_switch", null, "Moxa", "ICS-G7826A layer 3 switch", "ICS-G7826A-2XG-HV-HV-T", "5.10", 3, "RHP-CORE", PC, { group: "RHP-CORE-SW" }],
  ["SW-RHP-CORE2", "Plant core switch 2", "network_switch", null, "Moxa", "ICS-G7826A layer 3 switch", "ICS-G7826A-2XG-HV-HV-T", "5.10", 3, "RHP-CORE", PC, { group: "RHP-CORE-SW" }],
  ["FW-RHP-DMZ1", "Industrial DMZ firewall A", "firewall", null, "Palo Alto Networks", "PA-3410", "PA-3410", "11.0.4", 3.5, "RHP-DMZ", PC, { group: "RHP-DMZ-FW" }],
  ["FW-RHP-DMZ2", "Industrial DMZ firewall B", "firewall", null, "Palo Alto Networks", "PA-3410", "PA-3410", "11.0.4", 3.5, "RHP-DMZ", PC, { group: "RHP-DMZ-FW" }],
];

export const DEMO_ASSETS: Record<string, DemoAsset[]> = { GCR: build(GCR), RHP: build(RHP) };
