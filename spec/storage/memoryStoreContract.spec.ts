import { MemoryStore } from '../../src/storage/memoryStore.js';
import { describeStoreContract } from './storeContract.js';

describeStoreContract('MemoryStore', async () => new MemoryStore());
