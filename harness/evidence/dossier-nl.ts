/**
 * The dossier's own Dutch words: headings, legends, verdicts, categories. The words of each
 * requirement (plicht, the runbook's quotes, bron, misging, betekent) and of each precondition
 * live in the migration profile's rows (harness/verdicts/requirements.ts reads them). No logic
 * lives here.
 */
import type { Role } from '../messages/model.js';

/** The matrix's two columns (`to`: the profile's new release): the first is the chain test itself, which the suite only supports. */
export const preconditionColumnsNl = (to: string) => [
  { suffix: '1', kop: 'Geslaagde ketentest', toelichting: 'x.x.1 is de landelijke ketentest zelf: de suite ondersteunt hem, zij vervangt hem niet (alle eisen van de rol)' },
  { suffix: '2', kop: `iPgb ${to} versturen en ontvangen`, toelichting: 'x.x.2: ING-3.1 tot en met ING-3.6' },
] as const;

export type PreconditionColumnNl = ReturnType<typeof preconditionColumnsNl>[number];

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
  protocol: 'partij antwoordt anders dan het protocol: niet te beoordelen',
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

/** `label`: the profile's migration in a few words (`iPgb 2.0 → 2.3`). */
export const dossierTitleNl = (label: string): string => `Dossier conformiteit ${label}`;

/** Page one of a live rehearsal (`--live`): on the wall clock, with its real stops. */
export const liveBannerNl = (t0: string, t1: string, t2: string): string =>
  `Live-repetitie op de wandklok, niet op een gesimuleerde klok: de partij kreeg de kalender in de sessie en handelde op haar eigen klok. ` +
  `T0 heenstop ${t0}; T1 retourstop ${t1}; T2 ingebruikname ${t2}. Wat één doorlopende overgang niet kan waarnemen, staat op niet getest, met de reden.`;

/** `runbook`: the profile's runbook, as the introduction names it. */
export const dossierIntroNl = (runbook: string): string =>
  'Dit dossier laat per ketenpartij zien of de conformiteitssuite de randvoorwaarden van hoofdstuk 4 van het ' +
  `${runbook} ondersteunt. De suite speelt de schakelpunten en de ` +
  'tegenpartij na op een gesimuleerde klok; zij is niet de landelijke ketentest op de ketentestomgeving, en zij ' +
  'verklaart een randvoorwaarde nooit voldaan. De ketenpartij en de Stuurgroep iPgb beoordelen dat zelf.';

/** The introduction of a live rehearsal's dossier: the same, on the wall clock. */
export const dossierIntroLiveNl = (runbook: string): string => dossierIntroNl(runbook).replace('op een gesimuleerde klok', 'in een live-repetitie op de wandklok');
