import { defineStoreModule } from '../core/module';
import { seedSalesModes } from './seed';

/** Sales: a new workspace starts with the default sales modes and their stages. */
export const salesStore = defineStoreModule({
  key: 'sales',
  seed: seedSalesModes,
});
