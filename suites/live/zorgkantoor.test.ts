/** De live-repetitie voor een zorgkantoor (zie generale-repetitie.ts); alleen met `--live`. */
import { rehearse } from './generale-repetitie.js';

rehearse('zorgkantoor');
