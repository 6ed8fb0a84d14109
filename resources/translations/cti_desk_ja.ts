<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="72"/>
        <source>Withheld</source>
        <translation>非通知</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="83"/>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="84"/>
        <source>Ringing</source>
        <translation>着信中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="85"/>
        <source>Talking</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="86"/>
        <source>Wrap-up</source>
        <translation>後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="87"/>
        <source>Missed</source>
        <translation>不在着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="88"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="145"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="146"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="147"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="148"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="255"/>
        <source>Queue: {queue}</source>
        <translation>キュー: {queue}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="265"/>
        <source>Waited {time}</source>
        <translation>待ち時間 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="268"/>
        <source>Talk {time}</source>
        <translation>通話 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="297"/>
        <source>Resume queue</source>
        <translation>受付再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="297"/>
        <source>Pause in queue</source>
        <translation>受付停止</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="280"/>
        <location filename="../../cti_desk/qt/call_bar.py" line="303"/>
        <source>Pause or resume taking queue calls (F9)</source>
        <translation>キューの受付を停止/再開 (F9)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="304"/>
        <source>Call back</source>
        <translation>折り返し発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="281"/>
        <location filename="../../cti_desk/qt/call_bar.py" line="305"/>
        <source>Call this number (Ctrl+D)</source>
        <translation>この番号に発信 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="103"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="103"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="103"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="103"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="104"/>
        <source>Last purchase</source>
        <translation>最終購入日</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="163"/>
        <source>{segment} ({orders} orders)</source>
        <translation>{segment}（購入{orders}回）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="193"/>
        <source>Dial</source>
        <translation>発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="194"/>
        <source>Call {number}</source>
        <translation>{number} に発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="215"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="215"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="215"/>
        <source>Segment</source>
        <translation>顧客区分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="216"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="216"/>
        <source>Channels</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="217"/>
        <source>Addresses</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="217"/>
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="218"/>
        <source>Emails</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="218"/>
        <source>Flags</source>
        <translation>注意事項</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="39"/>
        <source>Prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="40"/>
        <source>First-time buyer</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="41"/>
        <source>Loyal customer</source>
        <translation>リピーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="47"/>
        <source>home</source>
        <translation>自宅</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="48"/>
        <source>mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="49"/>
        <source>work</source>
        <translation>勤務先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="370"/>
        <source>{count} customers share this number. Who is calling?</source>
        <translation>この番号の顧客が{count}名います。どなたからの電話ですか？</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="393"/>
        <source>Find the customer to attach this number to.</source>
        <translation>この番号を登録する顧客を検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="401"/>
        <source>Withheld number: ask the caller and search.</source>
        <translation>非通知です。お名前などを伺って検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="412"/>
        <source>{count} found: pick the customer to attach this number to.</source>
        <translation>{count}件: この番号を登録する顧客を選んでください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="414"/>
        <source>{count} customers found</source>
        <translation>{count}件の顧客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="426"/>
        <source>No call on screen.
Press F2 to search for a customer.</source>
        <translation>通話はありません。
F2で顧客を検索できます。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="427"/>
        <source>Looking up the caller…</source>
        <translation>発信者を検索中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="428"/>
        <source>Open this customer</source>
        <translation>この顧客を開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="429"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="430"/>
        <source>Attach number to this customer</source>
        <translation>この顧客に番号を登録</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="73"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="74"/>
        <location filename="../../cti_desk/qt/history_models.py" line="375"/>
        <source>EC</source>
        <translation>EC</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="75"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="76"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="77"/>
        <source>Call center</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="78"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="79"/>
        <source>Web form</source>
        <translation>Webフォーム</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="85"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="86"/>
        <source>Pending delivery</source>
        <translation>配送待ち</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="87"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="88"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="89"/>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="90"/>
        <source>Returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="96"/>
        <source>Question answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="97"/>
        <source>Order placed</source>
        <translation>注文受付</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="98"/>
        <source>Complaint</source>
        <translation>苦情</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="99"/>
        <source>Callback requested</source>
        <translation>折り返し依頼</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="100"/>
        <source>Wrong number</source>
        <translation>間違い電話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="101"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="157"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="158"/>
        <location filename="../../cti_desk/qt/history_models.py" line="391"/>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="159"/>
        <source>Shop / site</source>
        <translation>店舗／サイト</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="160"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="161"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="162"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="163"/>
        <location filename="../../cti_desk/qt/history_models.py" line="392"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="390"/>
        <source>Opened</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="393"/>
        <source>Disposition</source>
        <translation>対応結果</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="394"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="395"/>
        <source>Operator</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>InventoryPanel</name>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="199"/>
        <source>SKU, JAN (scan) or product name</source>
        <translation>SKU・JAN（スキャン可）・商品名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="200"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="201"/>
        <source>Add to order from this location</source>
        <translation>この拠点から注文に追加</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="206"/>
        <source>Search for a product</source>
        <translation>商品を検索してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="318"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="334"/>
        <source>Total: on hand {on_hand}, reserved {reserved}, available {available}</source>
        <translation>合計&#x3000;在庫 {on_hand}&#x3000;引当 {reserved}&#x3000;有効在庫 {available}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="336"/>
        <source>Last updated {updated} (as of {seen})</source>
        <translation>最終更新 {updated}（{seen} 時点）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="341"/>
        <source>Cannot load the stock: {error}</source>
        <translation>在庫を読み込めません: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="247"/>
        <source>Incoming call</source>
        <translation>着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="269"/>
        <source>Order {order} placed</source>
        <translation>注文 {order} を受け付けました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="297"/>
        <source>Call source: {message}</source>
        <translation>着信元: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="309"/>
        <source>Start cti-desk with --agent (this seat&apos;s phone, e.g. PJSIP/2001) to use this</source>
        <translation>この機能を使うには、この席の電話機を --agent で指定して cti-desk を起動してください（例 PJSIP/2001）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="311"/>
        <source>The call source cannot do this (it needs an ami:// source)</source>
        <translation>この着信元ではできません（ami:// の着信元が必要です）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="323"/>
        <source>Calling {number}: pick up your phone when it rings</source>
        <translation>{number} に発信中: 電話機が鳴ったら受話器を取ってください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="328"/>
        <source>Paused in the queue</source>
        <translation>キューの受付を停止しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="328"/>
        <source>Taking queue calls again</source>
        <translation>キューの受付を再開しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="333"/>
        <source>Could not call: {message}</source>
        <translation>発信できませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="336"/>
        <source>Could not pause or resume: {message}</source>
        <translation>受付の停止/再開ができませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="543"/>
        <source>Wrap-up saved</source>
        <translation>後処理を保存しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="566"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="584"/>
        <source>cti-desk — operator {name}</source>
        <translation>cti-desk — オペレーター {name}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="585"/>
        <source>Calls this shift</source>
        <translation>本日の通話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="586"/>
        <source>Purchases</source>
        <translation>購入履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="587"/>
        <source>Inquiries</source>
        <translation>問い合わせ履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="588"/>
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="589"/>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="590"/>
        <source>&amp;Call</source>
        <translation>通話(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="591"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="593"/>
        <source>Search customer</source>
        <translation>顧客検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="594"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="595"/>
        <source>Pause / resume in queue</source>
        <translation>受付停止／再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="596"/>
        <source>Call back the caller</source>
        <translation>発信者に折り返し</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="597"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="601"/>
        <source>Search customer (F2)</source>
        <translation>顧客検索 (F2)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="708"/>
        <source>{count} wrap-ups from the last session are waiting in the list of calls</source>
        <translation>前回の未保存の後処理が{count}件、通話一覧にあります</translation>
    </message>
</context>
<context>
    <name>NewCustomerForm</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="280"/>
        <source>Unknown caller: create a customer, or attach this number to one.</source>
        <translation>未登録の番号です。新規顧客を登録するか、既存の顧客にこの番号を登録してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="281"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="281"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="281"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="282"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="284"/>
        <source>Create customer</source>
        <translation>顧客を登録</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="285"/>
        <source>Attach to an existing customer…</source>
        <translation>既存の顧客に登録…</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="312"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="312"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="312"/>
        <source>Unit price</source>
        <translation>単価</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="312"/>
        <source>Ships from</source>
        <translation>出荷元</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="312"/>
        <source>Subtotal</source>
        <translation>小計</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="313"/>
        <source>Add by SKU, JAN or product name</source>
        <translation>SKU・JAN・商品名で追加</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="314"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="315"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="316"/>
        <source>e.g. 100-0001</source>
        <translation>例 100-0001</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="317"/>
        <source>Find address</source>
        <translation>住所検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="318"/>
        <source>Street number, building, room</source>
        <translation>番地・建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="319"/>
        <source>Deliver to</source>
        <translation>お届け先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="320"/>
        <source>Delivery date, time and payment</source>
        <translation>お届け日時・お支払い</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="322"/>
        <source>Address book</source>
        <translation>住所帳</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="322"/>
        <source>Name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="322"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="323"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="323"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="324"/>
        <source>City, ward, town</source>
        <translation>市区町村・町域</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="324"/>
        <source>Street and building</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="325"/>
        <source>Building name etc.</source>
        <translation>建物名など</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="325"/>
        <source>Delivery date</source>
        <translation>お届け日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="326"/>
        <source>Time slot</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="326"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="326"/>
        <source>Points to use</source>
        <translation>ポイント利用</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="334"/>
        <location filename="../../cti_desk/qt/order_form.py" line="483"/>
        <source>New address</source>
        <translation>新しいお届け先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="335"/>
        <source>Place order</source>
        <translation>注文を確定</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>Order no.</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>OMS</source>
        <translation>OMS送信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>Attempts</source>
        <translation>試行</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>Next try</source>
        <translation>次回</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="339"/>
        <source>Retry now</source>
        <translation>今すぐ再送</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="340"/>
        <source>Sending to the order management system (OMS)</source>
        <translation>受注管理システム（OMS）への送信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="344"/>
        <location filename="../../cti_desk/qt/order_form.py" line="598"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="347"/>
        <location filename="../../cti_desk/qt/order_form.py" line="606"/>
        <source>— choose where it ships from —</source>
        <translation>— 出荷元を選択 —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="377"/>
        <source>Waiting to send</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="377"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="378"/>
        <source>Needs attention (send failed)</source>
        <translation>要対応（送信失敗）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="499"/>
        <source>Customer: —</source>
        <translation>お客様: —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="500"/>
        <source>Balance — pt</source>
        <translation>残高 — pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="503"/>
        <source>Customer: {name} (ID {id})</source>
        <translation>お客様: {name}（ID {id}）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="504"/>
        <source>Balance {points} pt</source>
        <translation>残高 {points} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="544"/>
        <source>Cannot look the address up</source>
        <translation>住所を検索できません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="563"/>
        <source>Several products match: choose one in the stock lookup</source>
        <translation>候補が複数あります。在庫照会で商品を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="572"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="617"/>
        <source>{name} ({available} available, {days} d)</source>
        <translation>{name}（有効 {available}・{days}日）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="653"/>
        <source>Earliest {date}</source>
        <translation>最短 {date}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="668"/>
        <source>Total ¥{total}  Points −{used}  To pay ¥{paid}  Earns {earned} pt</source>
        <translation>合計 ¥{total}&#x3000;ポイント −{used}&#x3000;お支払い ¥{paid}&#x3000;獲得予定 {earned} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="698"/>
        <source>Choose the customer before ordering</source>
        <translation>お客様を選んでから注文してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="704"/>
        <source>Reserving stock…</source>
        <translation>在庫を引き当てています…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="710"/>
        <source>Please check the entries ({count})</source>
        <translation>入力内容を確認してください（{count}件）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="718"/>
        <source>Order {order_no}  Delivery {date}  Total ¥{total}  Earned {earned} pt</source>
        <translation>ご注文番号 {order_no}&#x3000;お届け {date}&#x3000;合計 ¥{total}&#x3000;獲得 {earned} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="722"/>
        <source>{order}  OMS: {status}</source>
        <translation>{order}&#x3000;OMS: {status}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="757"/>
        <source>Another seat reserved the stock. It can ship from {location} (source changed).</source>
        <translation>他の受付で在庫が引き当てられました。{location} からお届けできます（出荷元を変更しました）。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="759"/>
        <source>Another seat reserved the stock. No other location has stock.</source>
        <translation>他の受付で在庫が引き当てられました。他に在庫のある拠点がありません。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="789"/>
        <source>Could not be done: {error}</source>
        <translation>処理できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="823"/>
        <source>Line {n} {name}: {message}</source>
        <translation>{n}行目 {name}: {message}</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryView</name>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="120"/>
        <source>Could not load purchases</source>
        <translation>購入履歴を読み込めません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="122"/>
        <source>{shown} of {total} purchases loaded</source>
        <translation>購入 {total}件中 {shown}件を表示</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="124"/>
        <source>{shown} of {total} purchases match</source>
        <translation>購入 {total}件中 {shown}件が一致</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="126"/>
        <source>{shown} matching purchases loaded (of {total}), more below</source>
        <translation>一致する購入 {shown}件を表示（全{total}件）、続きは下にあります</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="130"/>
        <source>Filter purchases (product, shop, channel…)</source>
        <translation>購入履歴を絞り込み（商品、店舗、チャネル…）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../cti_desk/qt/search.py" line="55"/>
        <source>Search: name, kana, phone, email, member no., order no. (F2)</source>
        <translation>検索: 氏名・フリガナ・電話・メール・会員番号・注文番号 (F2)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="75"/>
        <source>Opening the store…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="81"/>
        <source>Store schema upgraded from {before} to {after}</source>
        <translation>データベースを {before} から {after} に更新しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="97"/>
        <source>Creating demo data…</source>
        <translation>デモデータを作成中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="114"/>
        <source>Creating demo data: {stage}</source>
        <translation>デモデータを作成中: {stage}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="124"/>
        <source>Demo data created: {summary}</source>
        <translation>デモデータを作成しました: {summary}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="130"/>
        <source>No call source (--source)</source>
        <translation>着信元なし (--source)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="140"/>
        <source>Calls from {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="146"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="171"/>
        <source>The {role} view is not built yet: showing the operator window.</source>
        <translation>{role} 画面は未実装のため、オペレーター画面を表示しています。</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="64"/>
        <source>Location</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="64"/>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="64"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="64"/>
        <source>Nearness</source>
        <translation>近さ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="65"/>
        <source>On hand</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="65"/>
        <source>Reserved</source>
        <translation>引当</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="65"/>
        <source>Available</source>
        <translation>有効在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="65"/>
        <source>Lead time</source>
        <translation>出荷日数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="66"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="70"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="70"/>
        <source>Warehouse</source>
        <translation>倉庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="70"/>
        <source>EC</source>
        <translation>EC</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="73"/>
        <source>{days} day</source>
        <translation>{days}日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/inventory_panel.py" line="73"/>
        <source>{days} days</source>
        <translation>{days}日</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="78"/>
        <source>Continue open inquiry: {subject}</source>
        <translation>未完了の問い合わせを継続: {subject}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="89"/>
        <source>Wrap-up: no call</source>
        <translation>後処理: 通話なし</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="91"/>
        <source>Wrap-up for call {call}</source>
        <translation>通話 {call} の後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="121"/>
        <source>— disposition —</source>
        <translation>— 対応結果 —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="126"/>
        <source>Notes for this call (kept until saved)</source>
        <translation>この通話のメモ（保存するまで保持されます）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="127"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="128"/>
        <source>Save notes and disposition (Ctrl+Enter)</source>
        <translation>メモと対応結果を保存 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>delivery</name>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="32"/>
        <source>Any time</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="33"/>
        <source>Morning</source>
        <translation>午前中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="34"/>
        <source>14:00–16:00</source>
        <translation>14〜16時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="35"/>
        <source>16:00–18:00</source>
        <translation>16〜18時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="36"/>
        <source>18:00–20:00</source>
        <translation>18〜20時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="37"/>
        <source>19:00–21:00</source>
        <translation>19〜21時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="39"/>
        <source>Cash on delivery</source>
        <translation>代金引換</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="40"/>
        <source>Card on file</source>
        <translation>登録済みカード</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="41"/>
        <source>Invoice</source>
        <translation>請求書払い</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="43"/>
        <source>Same prefecture</source>
        <translation>同じ都道府県</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="44"/>
        <source>Same region</source>
        <translation>同じ地方</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="45"/>
        <source>Warehouse</source>
        <translation>倉庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="46"/>
        <source>EC stock</source>
        <translation>EC在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="47"/>
        <source>Shop in another region</source>
        <translation>他地方の店舗</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="49"/>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="50"/>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="51"/>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="52"/>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="53"/>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="54"/>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="55"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="60"/>
        <source>Add at least one product</source>
        <translation>商品を1点以上追加してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="61"/>
        <source>The quantity must be at least 1</source>
        <translation>数量は1以上にしてください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="62"/>
        <source>The quantity must be at most {max}</source>
        <translation>数量は{max}以下にしてください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="63"/>
        <source>Choose where it ships from (no location has stock)</source>
        <translation>出荷元を選んでください（在庫のある拠点がありません）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="64"/>
        <source>The price is not valid</source>
        <translation>価格が不正です</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="65"/>
        <source>Enter the recipient&apos;s name</source>
        <translation>お届け先のお名前を入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="66"/>
        <source>The name is too long</source>
        <translation>お名前が長すぎます</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="67"/>
        <source>Enter a phone number</source>
        <translation>電話番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="68"/>
        <source>The phone number is not in a valid format</source>
        <translation>電話番号の形式が正しくありません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="69"/>
        <source>Enter a postal code</source>
        <translation>郵便番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="70"/>
        <source>A postal code is 7 digits</source>
        <translation>郵便番号は7桁の数字で入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="71"/>
        <source>Choose a prefecture</source>
        <translation>都道府県を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="72"/>
        <source>Enter the city, ward or town</source>
        <translation>市区町村を入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="73"/>
        <source>The city, ward or town is too long</source>
        <translation>市区町村が長すぎます</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="74"/>
        <source>Enter the street number and building</source>
        <translation>番地・建物名を入力してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="75"/>
        <source>The address is too long</source>
        <translation>住所が長すぎます</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="76"/>
        <source>Choose a delivery date</source>
        <translation>お届け日を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="77"/>
        <source>The earliest delivery date is {date}</source>
        <translation>最短のお届け日は{date}です</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="78"/>
        <source>No deliveries on that day (Sundays and public holidays)</source>
        <translation>その日は配達がありません（日曜・祝日）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="79"/>
        <source>Choose a time slot</source>
        <translation>時間帯を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="80"/>
        <source>Choose a payment method</source>
        <translation>お支払い方法を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="81"/>
        <source>Points must be 0 or more</source>
        <translation>ポイントは0以上にしてください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="82"/>
        <source>More than the points balance ({balance})</source>
        <translation>ポイント残高（{balance}）を超えています</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="83"/>
        <source>Points used must not exceed the order total (¥{total})</source>
        <translation>ご利用ポイントは合計金額（{total}円）以下にしてください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="85"/>
        <source>JAN {jan}: the check digit is wrong (scan it again)</source>
        <translation>JANコード {jan} のチェックデジットが正しくありません（読み取り直してください）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="86"/>
        <source>No product is registered with JAN {jan}</source>
        <translation>JANコード {jan} の商品は登録がありません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="87"/>
        <source>A JAN code has 13 digits</source>
        <translation>JANコードは13桁です</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="88"/>
        <source>No product matches “{text}”</source>
        <translation>「{text}」に一致する商品はありません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="90"/>
        <source>Customer not found</source>
        <translation>お客様が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="91"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="92"/>
        <source>Shipping location not found</source>
        <translation>出荷元が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/labels.py" line="93"/>
        <source>Postal code {code} does not exist</source>
        <translation>郵便番号 {code} は見つかりません</translation>
    </message>
</context>
</TS>
