// Zod 4 compiles object parsers with `new Function` unless told not to, and its probe for that
// (a `new Function("")` in a try) is reported as a Content-Security-Policy violation in the
// browser, whose policy forbids eval. Every schema module imports this first, so the setting
// is in force before any object schema is built.
import { z } from "zod";

z.config({ jitless: true });
