// Tasklist's configuration (an ES module in 7.24): French first; the keyboard shortcuts are Camunda's defaults, kept
// because this file replaces the default one whole.
export default {
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'place le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre « Démarrer un processus »'
    }
  }
};
