<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="66" />
        <source>Withheld</source>
        <translation>非通知</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="72" />
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="73" />
        <source>Ringing</source>
        <translation>着信中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="74" />
        <source>Talking</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="75" />
        <source>Wrap-up</source>
        <translation>後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="76" />
        <source>Missed</source>
        <translation>不在着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="77" />
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="123" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="124" />
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="125" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="126" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="227" />
        <source>Queue: {queue}</source>
        <translation>キュー: {queue}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="237" />
        <source>Waited {time}</source>
        <translation>待ち時間 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="240" />
        <source>Talk {time}</source>
        <translation>通話 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="254" />
        <source>Resume queue</source>
        <translation>受付再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="254" />
        <source>Pause in queue</source>
        <translation>受付停止</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="258" />
        <source>Pause or resume taking queue calls (F9)</source>
        <translation>キューの受付を停止/再開 (F9)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="259" />
        <source>Call back</source>
        <translation>折り返し発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="260" />
        <source>Call this number (Ctrl+D)</source>
        <translation>この番号に発信 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="102" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="102" />
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="102" />
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="102" />
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="103" />
        <source>Last purchase</source>
        <translation>最終購入日</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="149" />
        <source>{segment} ({orders} orders)</source>
        <translation>{segment}（購入{orders}回）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="173" />
        <source>Dial</source>
        <translation>発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="174" />
        <source>Call {number}</source>
        <translation>{number} に発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="183" />
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="183" />
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="183" />
        <source>Segment</source>
        <translation>顧客区分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="184" />
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="184" />
        <source>Channels</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="185" />
        <source>Addresses</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="185" />
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="186" />
        <source>Emails</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="186" />
        <source>Flags</source>
        <translation>注意事項</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="38" />
        <source>Prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="39" />
        <source>First-time buyer</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="40" />
        <source>Loyal customer</source>
        <translation>リピーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="46" />
        <source>home</source>
        <translation>自宅</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="47" />
        <source>mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="48" />
        <source>work</source>
        <translation>勤務先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="338" />
        <source>{count} customers share this number. Who is calling?</source>
        <translation>この番号の顧客が{count}名います。どなたからの電話ですか？</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="361" />
        <source>Find the customer to attach this number to.</source>
        <translation>この番号を登録する顧客を検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="369" />
        <source>Withheld number: ask the caller and search.</source>
        <translation>非通知です。お名前などを伺って検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="380" />
        <source>{count} found: pick the customer to attach this number to.</source>
        <translation>{count}件: この番号を登録する顧客を選んでください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="382" />
        <source>{count} customers found</source>
        <translation>{count}件の顧客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="394" />
        <source>No call on screen.
Press F2 to search for a customer.</source>
        <translation>通話はありません。
F2で顧客を検索できます。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="395" />
        <source>Looking up the caller…</source>
        <translation>発信者を検索中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="396" />
        <source>Open this customer</source>
        <translation>この顧客を開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="397" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="398" />
        <source>Attach number to this customer</source>
        <translation>この顧客に番号を登録</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="37" />
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="38" />
        <location filename="../../cti_desk/qt/history_models.py" line="173" />
        <source>EC</source>
        <translation>EC</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="39" />
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="40" />
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="41" />
        <source>Call center</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="42" />
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="43" />
        <source>Web form</source>
        <translation>Webフォーム</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="49" />
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="50" />
        <source>Pending delivery</source>
        <translation>配送待ち</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="51" />
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="52" />
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="53" />
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="54" />
        <source>Returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="60" />
        <source>Question answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="61" />
        <source>Order placed</source>
        <translation>注文受付</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="62" />
        <source>Complaint</source>
        <translation>苦情</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="63" />
        <source>Callback requested</source>
        <translation>折り返し依頼</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="64" />
        <source>Wrong number</source>
        <translation>間違い電話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="65" />
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="73" />
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="74" />
        <location filename="../../cti_desk/qt/history_models.py" line="203" />
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="75" />
        <source>Shop / site</source>
        <translation>店舗／サイト</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="76" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="77" />
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="78" />
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="79" />
        <location filename="../../cti_desk/qt/history_models.py" line="204" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="202" />
        <source>Opened</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="205" />
        <source>Disposition</source>
        <translation>対応結果</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="206" />
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="207" />
        <source>Operator</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="219" />
        <source>Incoming call</source>
        <translation>着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="252" />
        <source>Order {order} placed</source>
        <translation>注文 {order} を受け付けました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="280" />
        <source>Call source: {message}</source>
        <translation>着信元: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="440" />
        <source>Wrap-up saved</source>
        <translation>後処理を保存しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="463" />
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="481" />
        <source>cti-desk — operator {name}</source>
        <translation>cti-desk — オペレーター {name}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="482" />
        <source>Calls this shift</source>
        <translation>本日の通話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="483" />
        <source>Purchases</source>
        <translation>購入履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="484" />
        <source>Inquiries</source>
        <translation>問い合わせ履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="485" />
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="486" />
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="489" />
        <source>Coming soon: this part of the window is being built.</source>
        <translation>準備中: この画面は開発中です。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="490" />
        <source>&amp;Call</source>
        <translation>通話(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="491" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="493" />
        <source>Search customer</source>
        <translation>顧客検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="494" />
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="495" />
        <source>Pause / resume in queue</source>
        <translation>受付停止／再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="496" />
        <source>Call back the caller</source>
        <translation>発信者に折り返し</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="497" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="501" />
        <source>Search customer (F2)</source>
        <translation>顧客検索 (F2)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="603" />
        <source>{count} wrap-ups from the last session are waiting in the list of calls</source>
        <translation>前回の未保存の後処理が{count}件、通話一覧にあります</translation>
    </message>
</context>
<context>
    <name>NewCustomerForm</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="248" />
        <source>Unknown caller: create a customer, or attach this number to one.</source>
        <translation>未登録の番号です。新規顧客を登録するか、既存の顧客にこの番号を登録してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="249" />
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="249" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="249" />
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="250" />
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="252" />
        <source>Create customer</source>
        <translation>顧客を登録</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="253" />
        <source>Attach to an existing customer…</source>
        <translation>既存の顧客に登録…</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryView</name>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="67" />
        <source>{shown} of {total} purchases loaded</source>
        <translation>購入 {total}件中 {shown}件を表示</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="71" />
        <source>Filter purchases (product, shop, channel…)</source>
        <translation>購入履歴を絞り込み（商品、店舗、チャネル…）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../cti_desk/qt/search.py" line="55" />
        <source>Search: name, kana, phone, email, member no., order no. (F2)</source>
        <translation>検索: 氏名・フリガナ・電話・メール・会員番号・注文番号 (F2)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="74" />
        <source>Opening the store…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="80" />
        <source>Store schema upgraded from {before} to {after}</source>
        <translation>データベースを {before} から {after} に更新しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="96" />
        <source>Creating demo data…</source>
        <translation>デモデータを作成中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="113" />
        <source>Creating demo data: {stage}</source>
        <translation>デモデータを作成中: {stage}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="123" />
        <source>Demo data created: {summary}</source>
        <translation>デモデータを作成しました: {summary}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="129" />
        <source>No call source (--source)</source>
        <translation>着信元なし (--source)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="139" />
        <source>Calls from {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="145" />
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="168" />
        <source>The {role} view is not built yet: showing the operator window.</source>
        <translation>{role} 画面は未実装のため、オペレーター画面を表示しています。</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="77" />
        <source>Continue open inquiry: {subject}</source>
        <translation>未完了の問い合わせを継続: {subject}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="88" />
        <source>Wrap-up: no call</source>
        <translation>後処理: 通話なし</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="90" />
        <source>Wrap-up for call {call}</source>
        <translation>通話 {call} の後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="120" />
        <source>— disposition —</source>
        <translation>— 対応結果 —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="125" />
        <source>Notes for this call (kept until saved)</source>
        <translation>この通話のメモ（保存するまで保持されます）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="126" />
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="127" />
        <source>Save notes and disposition (Ctrl+Enter)</source>
        <translation>メモと対応結果を保存 (Ctrl+Enter)</translation>
    </message>
</context>
</TS>