export declare function strictTransportSecurity(publicUrl: string | undefined): string | null;
