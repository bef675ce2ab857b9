import { describeCitizenLookup } from './citizen-lookup.suite.js';

describeCitizenLookup('kafka');
