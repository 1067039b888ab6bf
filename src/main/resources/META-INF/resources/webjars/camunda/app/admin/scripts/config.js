// Admin's configuration (an ES module in 7.24). Camunda's default file sets nothing; this one speaks French first.
export default {
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  }
};
