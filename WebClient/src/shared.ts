// One value the origin's tabs share through IndexedDB. Unlike localStorage, whose writes reach a tab in another
// renderer process some time later, a completed IndexedDB write is what every later transaction in any tab reads:
// a tab that gets the refresh lock right after another released it sees the tokens that tab rotated.

const database = 'orleans-poker';
const objects = 'shared';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(database, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(objects);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked'));
  }).catch((error: unknown) => {
    opening = null; // try again next time
    throw error;
  });
  return opening;
}

/** Runs one request in its own transaction; resolves once the transaction completed (a write is durable then). */
async function run<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(objects, mode);
    const request = operation(transaction.objectStore(objects));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The value under `key`, or null. Rejects when IndexedDB cannot be used (private modes of older browsers). */
export async function readShared<T>(key: string): Promise<T | null> {
  return ((await run('readonly', (store) => store.get(key))) as T | undefined) ?? null;
}

export async function writeShared(key: string, value: unknown): Promise<void> {
  await run('readwrite', (store) => store.put(value, key));
}

export async function removeShared(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
}
