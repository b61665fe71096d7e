/**
 * The dossier's Dutch words, as data keyed by requirement id and precondition number (a later
 * profile JSON takes them over unchanged): the duty in plain Dutch, the runbook's own words
 * quoted exactly ("Landelijk draaiboek migratie iPgb 2.0 naar iPgb 2.3", 17 november 2025), and
 * for a failure one sentence of what went wrong and what it means. No logic lives here.
 */
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';

export interface RequirementTextNl {
  /** The duty in plain Dutch. */
  plicht: string;
  /** The runbook's words, exactly, per role (`alle` for every role); absent where the duty has none. */
  draaiboek?: Partial<Record<Role | 'alle', string>>;
  /** Where those words stand in the runbook. */
  bron?: string;
  /** A failure in one sentence: what went wrong … */
  misging: string;
  /** … and what it means for the chain. */
  betekent: string;
}

const GEREED = {
  gemeente: 'Gemeenten zijn gereed voor gebruik iPgb 2.3 berichtenverkeer.',
  zorgkantoor: 'Zorgkantoren zijn gereed voor gebruik iPgb 2.3 berichtenverkeer',
  svb: 'SVB is gereed voor gebruik iPgb 2.3 berichtenverkeer.',
};
const LAAT_RETOUR = 'Hierbij kan een 502/508 bericht worden ontvangen welke hoort bij een eerder in 2.0.2 verzonden 501/507.';
const NIET_VERZONDEN =
  'Deze berichten dienen als niet verzonden te worden beschouwd en na de ingebruikname van iPgb 2.3 opnieuw worden aangeboden in het iPgb 2.3-formaat.';

export const REQUIREMENT_TEXTS_NL: Readonly<Record<RequirementId, RequirementTextNl>> = {
  'AFS-1.1': {
    plicht: 'Elk heenbericht waarvan de aanleiding vóór de heenstop (T0) bestaat, is vóór T0 door het schakelpunt geaccepteerd. Een vervolg-501 die volgens TR507 moet wachten is uitgezonderd: die gaat na T2 als iPgb 2.3.',
    draaiboek: {
      gemeente: 'Alle beschikbare heenberichten zijn verzonden door gemeenten (501).',
      zorgkantoor: 'Alle beschikbare heenberichten zijn verzonden door zorgkantoren (501).',
      svb: 'Alle beschikbare heenberichten zijn verzonden door het PGB2.0 portaal (507)',
    },
    bron: 'stap 1.1, maandag 30 maart 2026 09.00 uur',
    misging: 'Heenberichten waarvan de aanleiding al vóór de heenstop bestond, zijn niet vóór de heenstop geaccepteerd.',
    betekent: 'Die toekenningen of afsluitingen blijven over de overgang hangen en komen op zijn vroegst na de ingebruikname aan.',
  },
  'AFS-1.2': {
    plicht: 'Van de heenstop (T0) tot de ingebruikname (T2) dient de partij geen heenbericht in.',
    draaiboek: {
      gemeente: 'Vanaf dit moment worden er geen heenberichten meer verstuurd door gemeenten.',
      zorgkantoor: 'Vanaf dit moment worden er geen heenberichten meer verstuurd door zorgkantoren',
      svb: 'Alle heenberichten worden geblokkeerd (501,507).',
    },
    bron: 'stappen 1.1 en 1.2, maandag 30 maart 2026 09.00 uur',
    misging: 'De partij diende heenberichten in terwijl de keten daarvoor dicht was.',
    betekent: 'Het schakelpunt weigert ze; een partij die dit doet, rekent vaak met een verkeerde klok of kalender en loopt het risico berichten kwijt te raken.',
  },
  'AFS-1.3': {
    plicht: 'Op elk heenbericht dat vóór T0 bij de partij is afgeleverd, is vóór de retourstop (T1) een retourbericht door het schakelpunt geaccepteerd.',
    draaiboek: {
      gemeente: 'Alle heenberichten zijn ontvangen en verwerkt. Alle retourberichten op de ontvangen heenberichten zijn aangemaakt en verzonden door de gemeenten (508).',
      zorgkantoor: 'Alle heenberichten zijn ontvangen en verwerkt. Alle retourberichten op de ontvangen heenberichten zijn aangemaakt en verzonden door de zorgkantoren (508).',
      svb: 'Alle heenberichten zijn ontvangen en verwerkt. Alle retourberichten op de ontvangen heenberichten zijn aangemaakt en verzonden door de SVB (502).',
    },
    bron: 'stap 1.3, maandag 30 maart 2026 17.00 uur',
    misging: 'Op ontvangen heenberichten is vóór de retourstop geen retourbericht geaccepteerd.',
    betekent: 'De afzender weet bij de stilstand niet of zijn bericht verwerkt is; het antwoord komt op zijn vroegst na de ingebruikname.',
  },
  'AFS-1.4': {
    plicht: 'Van de retourstop (T1) tot de ingebruikname (T2) dient de partij geen retourbericht in.',
    draaiboek: { alle: 'Alle retourberichten worden geblokkeerd. Vanaf dit moment ligt het iPgb berichtenverkeer volledig stil.' },
    bron: 'stap 1.4, maandag 30 maart 2026 17.00 uur',
    misging: 'De partij diende retourberichten in terwijl de keten stillag.',
    betekent: 'Het schakelpunt weigert ze; zonder nieuwe poging na de ingebruikname blijft de afzender zonder antwoord.',
  },
  'AFS-1.5': {
    plicht: 'Elk retourbericht dat vóór T1 bij de partij is afgeleverd, is om T1 verwerkt (voor de SVB: elk 508 is verwerkt in het PGB2.0 portaal).',
    draaiboek: {
      gemeente: 'Alle retourberichten op de ontvangen heenberichten zijn ontvangen en verwerkt door de gemeenten (502, 508).',
      zorgkantoor: 'Alle retourberichten op de ontvangen heenberichten zijn ontvangen en verwerkt door de zorgkantoren (502, 508).',
      svb: 'zijn alle iPgb 2.0 retourberichten welke zijn verzonden door aangesloten gemeenten en zorgkantoren verwerkt in het PGB2.0 portaal.',
    },
    bron: 'stap 1.5 (maandag 30 maart 2026 17.00 uur) en de eindstatus van hoofdstuk 5',
    misging: 'Ontvangen retourberichten waren bij de retourstop niet verwerkt.',
    betekent: 'De eindstatus van fase 1 wordt niet bereikt: bij de start van de transitie staan er nog iPgb 2.0-zaken open.',
  },
  'TRA-2.1': {
    plicht: 'Wat tussen T0 en T2 ontstaat (een toekenning of afsluiting), blijft bewaard en gaat na T2 als iPgb 2.3.',
    draaiboek: { alle: 'Het is niet mogelijk om tussen 23.59 uur en 09.00 uur berichten te versturen. De keten wordt gezamenlijk opgestart op 1 april 2026 om 09.00 uur' },
    bron: 'paragraaf 6.1',
    misging: 'Wat tijdens de stilstand ontstond, is na de ingebruikname niet, niet als iPgb 2.3 of niet goed verstuurd.',
    betekent: 'Toekenningen of afsluitingen uit de overgangsdagen komen niet of verkeerd bij de ontvanger aan.',
  },
  'TRA-2.2': {
    plicht: 'Een bericht dat het schakelpunt weigert, geldt als niet verzonden: de partij meldt het nooit als verzonden, raakt het nooit kwijt en biedt het opnieuw aan zodra de fase het toelaat (vóór T0 of T1 in 2.0.2 als de blokkade opheft, anders na T2: een heenbericht in 2.3, een retourbericht in de release van zijn heenbericht).',
    draaiboek: { alle: NIET_VERZONDEN },
    bron: 'hoofdstuk 5',
    misging: 'Een geweigerd bericht is als verzonden gemeld, kwijtgeraakt of niet opnieuw aangeboden.',
    betekent: 'Dat bericht bereikt de ontvanger nooit, terwijl de partij denkt dat het verstuurd is.',
  },
  'TRA-2.3': {
    plicht: 'Een herstart van het systeem tijdens de transitie kost niets: wat in de wachtrij stond, nog beantwoord moest worden of in bewaring was, is er na de herstart nog, en de partij gaat door als voorheen.',
    draaiboek: { alle: 'Denk hierbij bijvoorbeeld aan het omzetten van de softwaresystemen naar de iPgb 2.3 release.' },
    bron: 'paragraaf 6.1',
    misging: 'Na een herstart tijdens de transitie ontbrak werk dat er vóór de herstart was.',
    betekent: 'Het omzetten van het systeem naar iPgb 2.3, met een gewone herstart, kost berichten.',
  },
  'ING-3.1': {
    plicht: 'Vanaf T2 is elk nieuw heenbericht een geldig iPgb 2.3-bericht.',
    draaiboek: GEREED,
    bron: 'stappen 2.3 tot en met 2.5, woensdag 1 april 2026 09.00 uur',
    misging: 'Na de ingebruikname diende de partij heenberichten in die geen geldig iPgb 2.3 zijn.',
    betekent: 'Het schakelpunt weigert ze: de partij kan na de ingebruikname niet versturen.',
  },
  'ING-3.2': {
    plicht: 'Een iPgb 2.3-heenbericht dat na T2 binnenkomt, krijgt een geldig iPgb 2.3-retourbericht.',
    draaiboek: GEREED,
    bron: 'stappen 2.3 tot en met 2.5, woensdag 1 april 2026 09.00 uur',
    misging: 'Een iPgb 2.3-heenbericht na de ingebruikname kreeg geen geldig iPgb 2.3-retourbericht.',
    betekent: 'De afzender krijgt na de ingebruikname geen bruikbaar antwoord.',
  },
  'ING-3.3': {
    plicht: 'Een laat 2.0.2-retourbericht op een 2.0.2-heenbericht van de partij wordt aangenomen en aan dat heenbericht gekoppeld.',
    draaiboek: { alle: LAAT_RETOUR },
    bron: 'hoofdstuk 1',
    misging: 'Een laat 2.0.2-retourbericht na de ingebruikname is niet aangenomen of niet aan zijn heenbericht gekoppeld.',
    betekent: 'Antwoorden op berichten van vóór de overgang gaan verloren.',
  },
  'ING-3.4': {
    plicht: 'Een retourbericht dat bij T1 nog verschuldigd was op een 2.0.2-heenbericht, gaat na T2 in 2.0.2.',
    draaiboek: { alle: LAAT_RETOUR },
    bron: 'hoofdstuk 1',
    misging: 'Een retourbericht dat bij de retourstop nog openstond, is na de ingebruikname niet (in 2.0.2) verstuurd.',
    betekent: 'De afzender van het oude heenbericht krijgt nooit een passend antwoord.',
  },
  'ING-3.5': {
    plicht: 'Een vervolg-501 wacht op het retourbericht op de vorige 501 voor hetzelfde budget, ook over de overgang heen (regel TR507 van de iPgb-standaard; het draaiboek noemt hem niet).',
    misging: 'Een vervolg-501 is verstuurd voordat het retourbericht op de vorige 501 voor hetzelfde budget binnen was.',
    betekent: 'De SVB weigert zo’n vervolgbericht (retourcode 9507): de wijziging van het budget komt niet aan.',
  },
  'ING-3.6': {
    plicht: 'Een iPgb 2.3-retourbericht op een 2.3-heenbericht van de partij wordt verwerkt en via de Identificatie aan dát heenbericht gekoppeld: het heenbericht toont de codes van dat retourbericht, nooit die van een ander.',
    draaiboek: GEREED,
    bron: 'stappen 2.3 tot en met 2.5, woensdag 1 april 2026 09.00 uur',
    misging: 'Een iPgb 2.3-retourbericht is niet verwerkt of aan het verkeerde heenbericht gekoppeld.',
    betekent: 'De partij toont bij een toekenning of afsluiting de uitkomst van een ander bericht.',
  },
  'GEN-0.1': {
    plicht: 'Elk bericht dat de partij indient, is geldig volgens de XSD van zijn release en klopt met zijn aanleiding (Bsn, budget, bedragen); een 501 draagt de eigen code als Afzender, een 507 de code van de ontvanger als Ontvanger, een retourbericht de kop van zijn heenbericht ongewijzigd; de Identificatie volgt TR056.',
    misging: 'Ingediende berichten waren ongeldig of klopten niet met hun aanleiding.',
    betekent: 'Het schakelpunt of de ontvanger weigert ze, of de ontvanger verwerkt verkeerde gegevens.',
  },
  'GEN-0.2': {
    plicht: 'Niets dubbel, niets kwijt: elke aanleiding levert precies één geaccepteerd heenbericht op, elk afgeleverd heenbericht precies één geaccepteerd retourbericht.',
    misging: 'Een aanleiding of heenbericht leverde geen of meer dan één geaccepteerd bericht op.',
    betekent: 'Berichten zijn kwijt of dubbel: de ontvanger verwerkt te weinig of te veel.',
  },
  'GEN-0.3': {
    plicht: 'Een misvormde, vijandige of onverwachte levering wordt geweigerd (400) of met een afwijzend retourbericht beantwoord, en de partij blijft werken; niets wat al aangenomen of in de wachtrij was, raakt kwijt; een byte-gelijke herlevering verandert niets.',
    misging: 'Een misvormde, vijandige of onverwachte levering is verkeerd afgehandeld.',
    betekent: 'Eén fout bericht kan de verwerking verstoren of gegevens doen verdwijnen.',
  },
  'GEN-0.4': {
    plicht: 'De partij handelt naar de kalender waarmee zij is ingesteld, nooit naar eigen data: elke plicht hierboven geldt ook bij een andere kalender van dezelfde vorm (een uitgestelde migratiedatum, een oefening).',
    draaiboek: { alle: 'Een nieuwe migratiedatum wordt zo spoedig mogelijk bepaald en hierover zal ook worden gecommuniceerd.' },
    bron: 'paragraaf 3.2',
    misging: 'Op de tweede kalender van de suite (andere data, een andere overgang tussen zomer- en wintertijd) hield de partij zich niet aan elke plicht.',
    betekent: 'Bij uitstel of een oefening houdt het systeem zich niet aan de afspraken: aan verkeerde tijden, of aan dezelfde fout als op de eigen kalender.',
  },
};

/** Runbook chapter 4, word for word. */
export const PRECONDITION_TEXTS_NL: Readonly<Record<string, string>> = {
  '4.2.1': 'De zorgkantoren hebben een geslaagde ketentest uitgevoerd, conform het landelijke ketentestplan iPgb.',
  '4.2.2': 'De zorgkantoren hebben de systemen zo ingericht en getest dat zij op 1 april 2026 iPgb 2.3-berichten kunnen versturen en ontvangen.',
  '4.3.1': 'De gemeenten hebben een geslaagde ketentest uitgevoerd, conform het landelijke ketentestplan iPgb.',
  '4.3.2': 'De gemeenten hebben de systemen zo ingericht en getest dat zij op 1 april 2026 iPgb 2.3-berichten kunnen versturen en ontvangen.',
  '4.4.1': 'De SVB heeft een geslaagde ketentest uitgevoerd, conform het landelijke ketentestplan iPgb.',
  '4.4.2': 'De SVB heeft de systemen zo ingericht en getest dat zij op 1 april 2026 iPgb 2.3-berichten kunnen versturen en ontvangen.',
};

/** The matrix's two columns: the first is the chain test itself, which the suite only supports. */
export const PRECONDITION_COLUMNS_NL = [
  { suffix: '1', kop: 'Geslaagde ketentest', toelichting: 'x.x.1 is de landelijke ketentest zelf: de suite ondersteunt hem, zij vervangt hem niet (alle eisen van de rol)' },
  { suffix: '2', kop: 'iPgb 2.3 versturen en ontvangen', toelichting: 'x.x.2: ING-3.1 tot en met ING-3.6' },
] as const;

export const ROLE_NL: Readonly<Record<Role, { een: string; groep: string }>> = {
  gemeente: { een: 'gemeente', groep: 'Gemeenten (4.3)' },
  zorgkantoor: { een: 'zorgkantoor', groep: 'Zorgkantoren (4.2)' },
  svb: { een: 'SVB', groep: 'SVB (4.4)' },
};

/** The failure categories of the failure lines (`[timing]` …) in words. */
export const CATEGORY_NL: Readonly<Record<string, string>> = {
  schema: 'ongeldig volgens de XSD',
  timing: 'op het verkeerde moment',
  lost: 'kwijt',
  duplicate: 'dubbel',
  correlation: 'verkeerd gekoppeld',
  content: 'inhoud klopt niet',
  robustness: 'levering verkeerd afgehandeld',
  unreachable: 'partij niet bereikbaar: niet te beoordelen',
  harness: 'fout in de suite: niet te beoordelen',
};

/** Reasons the suite itself gives for `not-tested`, in Dutch; any other reason is shown as given. */
export const NOT_TESTED_REASONS_NL: Readonly<Record<string, string>> = {
  'no scenario of this run verified it': 'geen scenario van deze run heeft deze eis getoetst (een deelrun met --only of --scenario, of een afgebroken run)',
  'no reason given': 'geen reden opgegeven',
};

export const VERDICT_NL = {
  ondersteund: 'ondersteund',
  'niet ondersteund': 'niet ondersteund',
  onvolledig: 'onvolledig',
} as const;

export const LEGEND_NL: ReadonlyArray<readonly [keyof typeof VERDICT_NL, string]> = [
  ['ondersteund', 'elke eis waarop de randvoorwaarde rust is getest en geslaagd, op de landelijke kalender met een ongewijzigde suite'],
  ['niet ondersteund', 'minstens één eis is niet gehaald'],
  ['onvolledig', 'niets is niet gehaald, maar de run ondersteunt de randvoorwaarde niet: een eis is niet getest, of de kalender of de suite is niet die van de migratie'],
];

export const OUTCOME_NL = {
  passed: 'geslaagd',
  failed: 'niet gehaald',
  'not-applicable': 'niet van toepassing',
  'not-tested': 'niet getest',
} as const;

export const DOSSIER_TITLE_NL = 'Dossier conformiteit iPgb 2.0 → 2.3';

/** Page one of a live rehearsal (`--live`): on the wall clock, with its real stops. */
export const liveBannerNl = (t0: string, t1: string, t2: string): string =>
  `Live-repetitie op de wandklok, niet op een gesimuleerde klok: de partij kreeg de kalender in de sessie en handelde op haar eigen klok. ` +
  `T0 heenstop ${t0}; T1 retourstop ${t1}; T2 ingebruikname ${t2}. Wat één doorlopende overgang niet kan waarnemen, staat op niet getest, met de reden.`;

export const DOSSIER_INTRO_NL =
  'Dit dossier laat per ketenpartij zien of de conformiteitssuite de randvoorwaarden van hoofdstuk 4 van het ' +
  'Landelijk draaiboek migratie iPgb 2.0 naar iPgb 2.3 ondersteunt. De suite speelt de schakelpunten en de ' +
  'tegenpartij na op een gesimuleerde klok; zij is niet de landelijke ketentest op de ketentestomgeving, en zij ' +
  'verklaart een randvoorwaarde nooit voldaan. De ketenpartij en de Stuurgroep iPgb beoordelen dat zelf.';

/** The introduction of a live rehearsal's dossier: the same, on the wall clock. */
export const DOSSIER_INTRO_LIVE_NL = DOSSIER_INTRO_NL.replace('op een gesimuleerde klok', 'in een live-repetitie op de wandklok');
