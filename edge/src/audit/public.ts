// What other workspaces may use of the audit log: the central server recomputes every hash with these.
export { type ChainRow, eventHash, GENESIS_HASH, verifyChain } from '../store/hash-chain.ts';
