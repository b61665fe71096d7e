/** The fixed Dutch wording of the dossier, shared by its Markdown and HTML forms. */
export const DOSSIER_TITLE = 'Dossier conformiteit iPgb 2.0 → 2.3';

export const DOSSIER_INTRO =
  'Dit dossier toont per ketenpartij of de conformiteitssuite de randvoorwaarden uit hoofdstuk 4 van het ' +
  'Landelijk draaiboek migratie iPgb 2.0 naar iPgb 2.3 aantoont: een geslaagde ketentest (x.x.1) en het ' +
  'versturen en ontvangen van iPgb 2.3-berichten vanaf de ingebruikname (x.x.2). De fasen zijn die van het ' +
  'draaiboek: Afsluiting, Transitie en Ingebruikname. De details van elke test staan in het Allure-rapport ' +
  '(allure-report/index.html) onder het genoemde pad.';

export const OUTCOME_LEGEND: ReadonlyArray<[string, string]> = [
  ['voldaan', 'elke eis die voor de rol geldt is getest en geslaagd'],
  ['niet voldaan', 'minstens een eis is gefaald'],
  ['niet aangetoond', 'niets gefaald, maar minstens een eis is niet getest'],
];
