/** De live-repetitie voor een svb (zie generale-repetitie.ts); alleen met `--live`. */
import { rehearse } from './generale-repetitie.js';

rehearse('svb');
