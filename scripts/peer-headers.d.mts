import type { IncomingMessage } from "node:http";

export declare const PEER_HEADER: "x-interlock-peer";
export declare const RECEIVED_XFF_HEADER: "x-interlock-forwarded-for";
export declare function stampPeer(req: IncomingMessage): void;
