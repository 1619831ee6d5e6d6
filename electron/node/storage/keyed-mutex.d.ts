export declare class KeyedMutex {
    private readonly tails;
    run<T>(key: string, task: () => Promise<T>): Promise<T>;
}
