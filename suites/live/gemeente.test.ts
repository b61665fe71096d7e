/** De live-repetitie voor een gemeente (zie generale-repetitie.ts); alleen met `--live`. */
import { rehearse } from './generale-repetitie.js';

rehearse('gemeente');
