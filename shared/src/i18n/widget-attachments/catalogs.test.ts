import { describeCatalogParity } from '../catalog-parity.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

describeCatalogParity('widget attachment catalogs', en, zhCN);
