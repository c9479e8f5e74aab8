// Runs the mock by hand: node mock/serve.mjs, then open the printed URL and sign in (mock provider) or paste a token.
import { startMock } from './server.mjs';
import { PASSWORD } from './oidc-provider.mjs';
import { mintToken, MOCK_USERS } from '../lib/tokens.mjs';

const mock = await startMock({ dashboardPort: Number(process.env.PORT || 8180), integrationPort: Number(process.env.INTEGRATION_PORT || 8182),
  analysisPort: Number(process.env.ANALYSIS_PORT || 8183), providerPort: Number(process.env.PROVIDER_PORT || 8190) });
console.log(`pages:        ${mock.dashboardUrl}/`);
console.log(`integration:  ${mock.integrationUrl}`);
console.log(`analysis:     ${mock.analysisUrl}`);
console.log(`provider:     ${mock.provider.issuer} (users alice, hugo; password ${PASSWORD})`);
console.log(`HEAD_TOKEN=${mintToken(MOCK_USERS.head)}`);
console.log(`REP_TOKEN=${mintToken(MOCK_USERS.alice)}`);
console.log(`new call:     curl -X POST ${mock.dashboardUrl}/mock/recordings`);
