// What the site services return.
import type { SiteRole } from "@/lib/domain/constants";

export interface SiteView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  areas: { id: string; code: string; name: string }[];
}

/** A person holding a role at a site, named where a page says who can help. */
export interface SiteContact {
  siteCode: string;
  role: SiteRole;
  name: string;
  email: string;
}
