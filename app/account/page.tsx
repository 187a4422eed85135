import type { Metadata } from "next";
import { MY_DATA_TEXT } from "@/components/my-data/my-data-text";
import { MyData } from "./_components/my-data";

export const metadata: Metadata = { title: "Your data" };

export default function AccountPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{MY_DATA_TEXT.title}</h1>
        <p className="mt-1 text-slate-600">{MY_DATA_TEXT.intro}</p>
      </div>
      <MyData />
    </main>
  );
}
