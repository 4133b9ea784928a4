// What the site services return.

export interface SiteView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  areas: { id: string; code: string; name: string }[];
}
