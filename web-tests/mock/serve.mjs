// Runs the mock by hand: node mock/serve.mjs, then open the printed URL and paste one of the printed tokens.
import { startMock } from './server.mjs';
import { mintToken, MOCK_USERS } from '../lib/tokens.mjs';

const mock = await startMock({ dashboardPort: Number(process.env.PORT || 8180), integrationPort: Number(process.env.INTEGRATION_PORT || 8182) });
console.log(`pages:        ${mock.dashboardUrl}/`);
console.log(`integration:  ${mock.integrationUrl}`);
console.log(`HEAD_TOKEN=${mintToken(MOCK_USERS.head)}`);
console.log(`REP_TOKEN=${mintToken(MOCK_USERS.alice)}`);
console.log(`new call:     curl -X POST ${mock.dashboardUrl}/mock/recordings`);
