// Cockpit's configuration (an ES module in 7.24). Camunda's default file sets nothing; this one speaks French first
// and adds Recouvrement's pages, served from the same folder (app/cockpit/scripts/): the scenario preview, and the
// managers' figures (a tile on the start page and #/recouvrement).
export default {
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  customScripts: ['scripts/recouvrement-plugin', 'scripts/recouvrement-indicateurs']
};
