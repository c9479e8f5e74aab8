// Deployment settings of the web pages. A deployment may replace this file (or set window.APP_CONFIG before it).
// integration-service runs on its own origin, so it must allow this page's origin (CORS).
window.APP_CONFIG = Object.assign({
  dashboardBaseUrl: '',
  integrationBaseUrl: 'http://localhost:8082',
}, window.APP_CONFIG || {});
