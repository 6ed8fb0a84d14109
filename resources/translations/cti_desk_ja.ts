<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="24"/>
        <source>Available</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="25"/>
        <source>On a call</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="26"/>
        <source>Ringing</source>
        <translation>呼出中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="27"/>
        <source>Paused</source>
        <translation>離席中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="28"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="96"/>
        <source>Agent</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="96"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="96"/>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="97"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="97"/>
        <source>In state</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="93"/>
        <source>Withheld</source>
        <translation>非通知</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="101"/>
        <source>Waiting (F8)</source>
        <translation>着信待ち (F8)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="103"/>
        <source>Called back</source>
        <translation>折り返し済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="109"/>
        <source>Answered by a colleague</source>
        <translation>他の担当者が応答</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="110"/>
        <source>Rang elsewhere</source>
        <translation>他の席で着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="115"/>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="116"/>
        <source>Ringing</source>
        <translation>着信中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="117"/>
        <source>Talking</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="118"/>
        <source>Wrap-up</source>
        <translation>後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="119"/>
        <source>Missed</source>
        <translation>不在着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="120"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="189"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="190"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="191"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="192"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="134"/>
        <source>Incoming: {caller}</source>
        <translation>着信: {caller}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="136"/>
        <source>(+{count} more)</source>
        <translation>（他 {count} 件）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="160"/>
        <source>Queue: {queue}</source>
        <translation>キュー: {queue}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="170"/>
        <source>Waited {time}</source>
        <translation>待ち時間 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="173"/>
        <source>Talk {time}</source>
        <translation>通話 {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="202"/>
        <source>Resume queue</source>
        <translation>受付再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="202"/>
        <source>Pause in queue</source>
        <translation>受付停止</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="211"/>
        <source>Take over (F8)</source>
        <translation>応対を切り替え (F8)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="212"/>
        <source>Show this call now; the call on screen waits in the list</source>
        <translation>この着信を今すぐ表示します。表示中の通話は一覧で待機します</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="185"/>
        <location filename="../../cti_desk/qt/call_bar.py" line="208"/>
        <source>Pause or resume taking queue calls (F9)</source>
        <translation>キューの受付を停止/再開 (F9)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="91"/>
        <source>Pay phone</source>
        <translation>公衆電話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/shift_calls.py" line="92"/>
        <source>Number not available</source>
        <translation>表示圏外</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="209"/>
        <source>Call back</source>
        <translation>折り返し発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_bar.py" line="186"/>
        <location filename="../../cti_desk/qt/call_bar.py" line="210"/>
        <source>Call this number (Ctrl+D)</source>
        <translation>この番号に発信 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../cti_desk/qt/call_logging.py" line="82"/>
        <source>Call log not written: {message}</source>
        <translation>通話履歴を記録できませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_logging.py" line="94"/>
        <source>Today&apos;s missed calls could not be read from the call log: {message}</source>
        <translation>本日の不在着信を通話履歴から読み込めませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/call_logging.py" line="115"/>
        <source>{count} missed calls from today wait for a call-back in the list of calls</source>
        <translation>本日の不在着信 {count} 件が通話一覧で折り返しを待っています</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="76"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="76"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="76"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="76"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="77"/>
        <source>Last purchase</source>
        <translation>最終購入日</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="122"/>
        <source>{segment} ({orders} orders)</source>
        <translation>{segment}（購入{orders}回）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="152"/>
        <source>Dial</source>
        <translation>発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="153"/>
        <source>Call {number}</source>
        <translation>{number} に発信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="174"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="174"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="174"/>
        <source>Segment</source>
        <translation>顧客区分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="175"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="175"/>
        <source>Channels</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="176"/>
        <source>Addresses</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="176"/>
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="177"/>
        <source>Emails</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="177"/>
        <source>Flags</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="181"/>
        <source>This is the caller</source>
        <translation>この方からの電話です</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="182"/>
        <source>Link the call on screen and its wrap-up to this customer</source>
        <translation>表示中の通話と後処理をこの顧客に紐付けます</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="28"/>
        <source>Prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="29"/>
        <source>First-time buyer</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="30"/>
        <source>Loyal customer</source>
        <translation>リピーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="36"/>
        <source>home</source>
        <translation>自宅</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="37"/>
        <source>mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_card.py" line="38"/>
        <source>work</source>
        <translation>勤務先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="227"/>
        <source>{count} customers share this number. Who is calling?</source>
        <translation>この番号の顧客が{count}名います。どなたからの電話ですか？</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="250"/>
        <source>Find the customer to attach this number to.</source>
        <translation>この番号を登録する顧客を検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="258"/>
        <source>Withheld number: ask the caller and search.</source>
        <translation>非通知です。お名前などを伺って検索してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="269"/>
        <source>{count} found: pick the customer to attach this number to.</source>
        <translation>{count}件: この番号を登録する顧客を選んでください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="271"/>
        <source>{count} customers found</source>
        <translation>{count}件の顧客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="283"/>
        <source>No call on screen.
Press F2 to search for a customer.</source>
        <translation>通話はありません。
F2で顧客を検索できます。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="284"/>
        <source>Looking up the caller…</source>
        <translation>発信者を検索中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="285"/>
        <source>Open this customer</source>
        <translation>この顧客を開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="286"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="287"/>
        <source>Attach number to this customer</source>
        <translation>この顧客に番号を登録</translation>
    </message>
</context>
<context>
    <name>DeliveryAddress</name>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="73"/>
        <source>Deliver to</source>
        <translation>お届け先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="74"/>
        <source>e.g. 100-0001</source>
        <translation>例 100-0001</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="75"/>
        <source>Find address</source>
        <translation>住所検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="76"/>
        <source>Street number, building, room</source>
        <translation>番地・建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="78"/>
        <source>Address book</source>
        <translation>住所帳</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="78"/>
        <source>Name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="78"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="79"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="79"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="80"/>
        <source>City, ward, town</source>
        <translation>市区町村・町域</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="80"/>
        <source>Street and building</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="81"/>
        <source>Building name etc.</source>
        <translation>建物名など</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="83"/>
        <location filename="../../cti_desk/qt/order_address.py" line="99"/>
        <source>New address</source>
        <translation>新しいお届け先</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_address.py" line="147"/>
        <source>Cannot look the address up: enter the prefecture and city by hand</source>
        <translation>住所を検索できません。都道府県と市区町村を手入力してください</translation>
    </message>
</context>
<context>
    <name>DeliveryTerms</name>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="58"/>
        <source>Delivery date, time and payment</source>
        <translation>お届け日時・お支払い</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="59"/>
        <source>Delivery date</source>
        <translation>お届け日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="59"/>
        <source>Time slot</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="60"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="60"/>
        <source>Points to use</source>
        <translation>ポイント利用</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="71"/>
        <source>Balance — pt</source>
        <translation>残高 — pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="73"/>
        <source>Balance {points} pt</source>
        <translation>残高 {points} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_terms.py" line="86"/>
        <source>Earliest {date}</source>
        <translation>最短 {date}</translation>
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
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="469"/>
        <source>… {count} earlier contacts</source>
        <translation>… 以前の対応 {count} 件</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_models.py" line="476"/>
        <source>call {call}</source>
        <translation>通話 {call}</translation>
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
    <name>KpiView</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="60"/>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="60"/>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="196"/>
        <source>Calls</source>
        <translation>着信数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="60"/>
        <source>Answered</source>
        <translation>応答数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="61"/>
        <source>Missed</source>
        <translation>未応答数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="61"/>
        <source>Customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="62"/>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="197"/>
        <source>Orders</source>
        <translation>受注数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="62"/>
        <source>Order value</source>
        <translation>受注金額</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="63"/>
        <source>Conversion</source>
        <translation>受注率</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="63"/>
        <source>First-time buyers</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="64"/>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="84"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="64"/>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="85"/>
        <source>Entry channel</source>
        <translation>初回接点チャネル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="65"/>
        <source>New prospects</source>
        <translation>新規見込み客</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="65"/>
        <source>Became first-time buyers</source>
        <translation>初回購入へ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="66"/>
        <source>Became loyal</source>
        <translation>リピーターへ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="67"/>
        <source>Product id</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="67"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="67"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="68"/>
        <source>Asked for</source>
        <translation>問い合わせ数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="68"/>
        <source>Out of stock where the caller was</source>
        <translation>発信者の地域で在庫切れ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="76"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="77"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="77"/>
        <source>EC site</source>
        <translation>ECサイト</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="78"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="78"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="79"/>
        <source>Call center</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="84"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="84"/>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="85"/>
        <source>Segment at the call</source>
        <translation>通話時の顧客区分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="182"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="183"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="184"/>
        <source>By</source>
        <translation>集計単位</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="185"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="186"/>
        <source>Export chart (PNG)…</source>
        <translation>グラフを書き出す (PNG)…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="187"/>
        <source>Export data (CSV)…</source>
        <translation>データを書き出す (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="188"/>
        <source>Customer journey: prospect → first-time → loyal, per month and entry channel</source>
        <translation>カスタマージャーニー：見込み客 → 初回購入客 → リピーター（月別・初回接点チャネル別）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="191"/>
        <source>Products most asked for, out of stock where the caller was first</source>
        <translation>問い合わせの多い商品（発信者の地域で在庫切れのものを先に）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="227"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="243"/>
        <source>{count} rows, {start} – {end}</source>
        <translation>{count} 行（{start} ～ {end}）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="250"/>
        <source>Could not count: {error}</source>
        <translation>集計できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="269"/>
        <source>Export chart</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="270"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="275"/>
        <source>Export data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/kpi_view.py" line="276"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="106"/>
        <source>PBX: connecting to {source}…</source>
        <translation>PBX: {source} に接続中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="109"/>
        <source>PBX: listening for calls on {address}</source>
        <translation>PBX: {address} で着信を待ち受け中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="111"/>
        <source>PBX: call simulator running</source>
        <translation>PBX: 着信シミュレーター動作中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="113"/>
        <source>PBX: connected ({pbx})</source>
        <translation>PBX: 接続中（{pbx}）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="114"/>
        <source>PBX: connected</source>
        <translation>PBX: 接続中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="119"/>
        <source>PBX: reconnecting since {time}, next try in {seconds} s</source>
        <translation>PBX: {time} から再接続中、{seconds} 秒後に再試行</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="121"/>
        <source>PBX: reconnecting since {time}, trying now</source>
        <translation>PBX: {time} から再接続中、接続を試行中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="123"/>
        <source>PBX: refused: {reason}</source>
        <translation>PBX: 接続拒否: {reason}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="124"/>
        <source>PBX: stopped: {reason}</source>
        <translation>PBX: 停止: {reason}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="128"/>
        <source>authentication failed</source>
        <translation>認証に失敗しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="129"/>
        <source>the port is in use</source>
        <translation>ポートが使用中です</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="130"/>
        <source>the call source was stopped</source>
        <translation>着信元を停止しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="131"/>
        <source>the call source ended</source>
        <translation>着信元が終了しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="136"/>
        <source>Calls from: {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="137"/>
        <source>Since: {time}</source>
        <translation>開始時刻: {time}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="141"/>
        <source>Why: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="143"/>
        <source>Fix the AMI user or secret, then restart cti-desk.</source>
        <translation>AMI のユーザー名またはシークレットを直してから、cti-desk を再起動してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="148"/>
        <source>PBX: {pbx}</source>
        <translation>PBX: {pbx}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/link_status.py" line="149"/>
        <source>Last connected to: {pbx}</source>
        <translation>最後の接続先: {pbx}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="255"/>
        <source>Order {order} placed</source>
        <translation>注文 {order} を受け付けました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="377"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="395"/>
        <source>cti-desk — operator {name}</source>
        <translation>cti-desk — オペレーター {name}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="396"/>
        <source>Calls this shift</source>
        <translation>本日の通話</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="397"/>
        <source>Purchases</source>
        <translation>購入履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="398"/>
        <source>Inquiries</source>
        <translation>問い合わせ履歴</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="399"/>
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="400"/>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="401"/>
        <source>&amp;Call</source>
        <translation>通話(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="402"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="404"/>
        <source>Search customer</source>
        <translation>顧客検索</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="405"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="406"/>
        <source>Pause / resume in queue</source>
        <translation>受付停止／再開</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="407"/>
        <source>Call back the caller</source>
        <translation>発信者に折り返し</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="408"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/main_window.py" line="412"/>
        <source>Search customer (F2)</source>
        <translation>顧客検索 (F2)</translation>
    </message>
</context>
<context>
    <name>NewCustomerForm</name>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="130"/>
        <source>Unknown caller: create a customer, or attach this number to one.</source>
        <translation>未登録の番号です。新規顧客を登録するか、既存の顧客にこの番号を登録してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="131"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="131"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="131"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="132"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="134"/>
        <source>Create customer</source>
        <translation>顧客を登録</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/customer_panel.py" line="135"/>
        <source>Attach to an existing customer…</source>
        <translation>既存の顧客に登録…</translation>
    </message>
</context>
<context>
    <name>OperatorCalls</name>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="66"/>
        <source>Take over the incoming call</source>
        <translation>着信に切り替える</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="69"/>
        <source>Call back the missed caller</source>
        <translation>不在着信に折り返す</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="83"/>
        <source>Incoming call waiting</source>
        <translation>着信待機中</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="84"/>
        <source>{caller} — F8 takes it over</source>
        <translation>{caller} — F8 で切り替え</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="86"/>
        <source>Incoming call</source>
        <translation>着信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="99"/>
        <source>Call source: {message}</source>
        <translation>着信元: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="110"/>
        <source>Start cti-desk with --agent (this seat&apos;s phone, e.g. PJSIP/2001) to use this</source>
        <translation>この機能を使うには、この席の電話機を --agent で指定して cti-desk を起動してください（例 PJSIP/2001）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="113"/>
        <source>The call source cannot do this (it needs an ami:// source)</source>
        <translation>この着信元ではできません（ami:// の着信元が必要です）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="126"/>
        <source>Calling {number}: pick up your phone when it rings</source>
        <translation>{number} に発信中: 電話機が鳴ったら受話器を取ってください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="133"/>
        <source>Paused in the queue</source>
        <translation>キューの受付を停止しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="134"/>
        <source>Taking queue calls again</source>
        <translation>キューの受付を再開しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="139"/>
        <source>Could not call: {message}</source>
        <translation>発信できませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="142"/>
        <source>Could not pause or resume: {message}</source>
        <translation>受付の停止/再開ができませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="170"/>
        <source>{caller} hung up before the call was answered: it stays in the list of calls for a call-back</source>
        <translation>{caller} は応答前に切れました。折り返しのため通話一覧に残します</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="228"/>
        <source>{caller}: answered by a colleague ({agent})</source>
        <translation>{caller}: 他の担当者が応答しました（{agent}）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="231"/>
        <source>{caller}: stopped ringing here, the queue offers it to another phone</source>
        <translation>{caller}: この席での呼び出しが終わり、キューが別の電話機に回しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/operator_calls.py" line="253"/>
        <source>No call is waiting to be taken over</source>
        <translation>切り替えを待っている着信はありません</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="153"/>
        <source>Place order</source>
        <translation>注文を確定</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="217"/>
        <source>Customer: —</source>
        <translation>お客様: —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="220"/>
        <source>Customer: {name} (ID {id})</source>
        <translation>お客様: {name}（ID {id}）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="233"/>
        <source>Total ¥{total}  Points −{used}  To pay ¥{paid}  Earns {earned} pt</source>
        <translation>合計 ¥{total}&#x3000;ポイント −{used}&#x3000;お支払い ¥{paid}&#x3000;獲得予定 {earned} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="258"/>
        <source>Choose the customer before ordering</source>
        <translation>お客様を選んでから注文してください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="264"/>
        <source>Reserving stock…</source>
        <translation>在庫を引き当てています…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="272"/>
        <source>Please check the entries ({count})</source>
        <translation>入力内容を確認してください（{count}件）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="281"/>
        <source>Order {order_no} was placed (the store&apos;s answer had been lost: it exists once)  Delivery {date}  Total ¥{total}</source>
        <translation>注文 {order_no} を受け付けました（データベースの応答が途切れましたが、注文は1件だけ登録されています）&#x3000;お届け日 {date}&#x3000;合計 ¥{total}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="286"/>
        <source>Order {order_no}  Delivery {date}  Total ¥{total}  Earned {earned} pt</source>
        <translation>ご注文番号 {order_no}&#x3000;お届け {date}&#x3000;合計 ¥{total}&#x3000;獲得 {earned} pt</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="290"/>
        <source>{order}  OMS: {status}</source>
        <translation>{order}&#x3000;OMS: {status}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="311"/>
        <source>The customer&apos;s addresses and points could not be loaded: the store did not answer. Open the customer again.</source>
        <translation>お客様の住所とポイントを読み込めませんでした。データベースが応答しません。もう一度お客様を開いてください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="323"/>
        <source>The store did not answer. The order was not placed: press Place order again.</source>
        <translation>データベースが応答しませんでした。注文は登録されていません。もう一度「注文する」を押してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="329"/>
        <source>The store did not answer, so it is not known yet whether the order was placed. Press Place order again when the store is back: the order will not be placed twice.</source>
        <translation>データベースが応答しなかったため、注文が登録されたかどうかまだわかりません。データベースが復旧したら、もう一度「注文する」を押してください。注文が二重に登録されることはありません。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="337"/>
        <source>Another seat reserved the stock. It can ship from {location} (source changed).</source>
        <translation>他の受付で在庫が引き当てられました。{location} からお届けできます（出荷元を変更しました）。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_form.py" line="339"/>
        <source>Another seat reserved the stock. No other location has stock.</source>
        <translation>他の受付で在庫が引き当てられました。他に在庫のある拠点がありません。</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="88"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="88"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="88"/>
        <source>Unit price</source>
        <translation>単価</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="88"/>
        <source>Ships from</source>
        <translation>出荷元</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="88"/>
        <source>Subtotal</source>
        <translation>小計</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="89"/>
        <source>Add by SKU, JAN or product name</source>
        <translation>SKU・JAN・商品名で追加</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="90"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="91"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="94"/>
        <location filename="../../cti_desk/qt/order_lines.py" line="193"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="97"/>
        <location filename="../../cti_desk/qt/order_lines.py" line="201"/>
        <source>— choose where it ships from —</source>
        <translation>— 出荷元を選択 —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="143"/>
        <source>Several products match: choose one in the stock lookup</source>
        <translation>候補が複数あります。在庫照会で商品を選んでください</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="164"/>
        <source>The product could not be looked up: the store did not answer. Try again.</source>
        <translation>データベースが応答しなかったため、商品を検索できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="168"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="212"/>
        <source>{name} ({available} available, {days} d)</source>
        <translation>{name}（有効 {available}・{days}日）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_lines.py" line="274"/>
        <source>Line {n} {name}: {message}</source>
        <translation>{n}行目 {name}: {message}</translation>
    </message>
</context>
<context>
    <name>OutboxIndicator</name>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="70"/>
        <source>OMS: all orders sent</source>
        <translation>OMS: 注文はすべて送信済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="72"/>
        <source>OMS orders: {waiting} waiting, {failed} failed</source>
        <translation>OMS 送信: 送信待ち {waiting} 件、失敗 {failed} 件</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="75"/>
        <source>last error: {error}</source>
        <translation>直近のエラー: {error}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="80"/>
        <source>Waiting to be sent: {n}</source>
        <translation>送信待ち: {n} 件</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="81"/>
        <source>Of those, tried and not taken yet: {n}</source>
        <translation>うち再送待ち（送信済みだが未受付）: {n} 件</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="82"/>
        <source>Refused by the OMS (need a person): {n}</source>
        <translation>OMS が受付拒否（要対応）: {n} 件</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/outbox_status.py" line="84"/>
        <source>Last error: {error}</source>
        <translation>直近のエラー: {error}</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="66"/>
        <source>Order no.</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="66"/>
        <source>OMS</source>
        <translation>OMS送信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="66"/>
        <source>Attempts</source>
        <translation>試行</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="66"/>
        <source>Next try</source>
        <translation>次回</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="66"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="68"/>
        <source>Retry now</source>
        <translation>今すぐ再送</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="69"/>
        <source>Sending to the order management system (OMS)</source>
        <translation>受注管理システム（OMS）への送信</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="88"/>
        <source>Waiting to send</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="88"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/order_outbox.py" line="89"/>
        <source>Needs attention (send failed)</source>
        <translation>要対応（送信失敗）</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryView</name>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="121"/>
        <source>Could not load purchases</source>
        <translation>購入履歴を読み込めません</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="123"/>
        <source>{shown} of {total} purchases loaded</source>
        <translation>購入 {total}件中 {shown}件を表示</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="125"/>
        <source>{shown} of {total} purchases match</source>
        <translation>購入 {total}件中 {shown}件が一致</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="127"/>
        <source>{shown} matching purchases loaded (of {total}), more below</source>
        <translation>一致する購入 {shown}件を表示（全{total}件）、続きは下にあります</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/history_views.py" line="131"/>
        <source>Filter purchases (product, shop, channel…)</source>
        <translation>購入履歴を絞り込み（商品、店舗、チャネル…）</translation>
    </message>
</context>
<context>
    <name>QueueCharts</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="26"/>
        <source>Waiting callers and longest wait, last hour</source>
        <translation>待ち呼数と最長待ち時間（直近1時間）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="35"/>
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="36"/>
        <source>Waiting</source>
        <translation>待ち呼数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="37"/>
        <source>Longest wait (s)</source>
        <translation>最長待ち時間（秒）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="56"/>
        <source>Agents by state</source>
        <translation>状態別オペレーター数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="88"/>
        <source>Calls per 15 minutes: today and the same weekday last week</source>
        <translation>15分ごとの着信数：今日と先週の同じ曜日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="96"/>
        <source>hour</source>
        <translation>時</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="98"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/charts.py" line="100"/>
        <source>Last week</source>
        <translation>先週</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_charts.py" line="123"/>
        <source>Queue:</source>
        <translation>キュー:</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_charts.py" line="124"/>
        <source>All queues</source>
        <translation>全キュー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_charts.py" line="125"/>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_charts.py" line="126"/>
        <source>Callers waiting</source>
        <translation>待ち呼一覧</translation>
    </message>
</context>
<context>
    <name>QueueTiles</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="49"/>
        <source>Waiting</source>
        <translation>待ち呼数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="50"/>
        <source>Longest wait</source>
        <translation>最長待ち時間</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="51"/>
        <source>Offered</source>
        <translation>着信数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="52"/>
        <source>Answered</source>
        <translation>応答数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="53"/>
        <source>Abandoned</source>
        <translation>放棄呼数</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="54"/>
        <source>Service level</source>
        <translation>サービスレベル</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="55"/>
        <source>Abandon rate</source>
        <translation>放棄率</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="56"/>
        <source>Avg. speed of answer</source>
        <translation>平均応答時間 (ASA)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="57"/>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="74"/>
        <source>{available} free · {on_call} talking · {ringing} ringing · {paused} paused · {offline} offline</source>
        <translation>待機 {available} · 通話 {on_call} · 呼出 {ringing} · 離席 {paused} · オフライン {offline}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/queue_tiles.py" line="85"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../cti_desk/qt/search.py" line="49"/>
        <source>Search: name, kana, phone, email, member no., order no. (F2)</source>
        <translation>検索: 氏名・フリガナ・電話・メール・会員番号・注文番号 (F2)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="76"/>
        <source>Opening the store…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="82"/>
        <source>Store schema upgraded from {before} to {after}</source>
        <translation>データベースを {before} から {after} に更新しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="115"/>
        <source>Creating demo data…</source>
        <translation>デモデータを作成中…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="132"/>
        <source>Creating demo data: {stage}</source>
        <translation>デモデータを作成中: {stage}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="142"/>
        <source>Demo data created: {summary}</source>
        <translation>デモデータを作成しました: {summary}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="148"/>
        <source>No call source (--source)</source>
        <translation>着信元なし (--source)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="159"/>
        <source>Calls from {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="165"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/app/gui.py" line="199"/>
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
    <name>StoreBanner</name>
    <message>
        <location filename="../../cti_desk/qt/banner.py" line="68"/>
        <source>The store is not answering ({where}): calls still pop with the PBX&apos;s caller number; waiting for it</source>
        <translation>データベースが応答しません（{where}）。着信は PBX の発信者番号で表示されます。応答を待っています</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/banner.py" line="71"/>
        <source>The store cannot be reached ({where}): calls still pop with the PBX&apos;s caller number; retrying</source>
        <translation>データベースに接続できません（{where}）。着信は PBX の発信者番号で表示されます。再接続を試みています</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/banner.py" line="75"/>
        <source>Reason: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/window.py" line="82"/>
        <source>cti-desk — supervisor</source>
        <translation>cti-desk — スーパーバイザー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/window.py" line="83"/>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/window.py" line="84"/>
        <source>Calls and sales</source>
        <translation>通話と売上</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="116"/>
        <source>Queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="116"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="116"/>
        <source>Caller</source>
        <translation>発信者</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/supervisor/agents.py" line="117"/>
        <source>Waiting</source>
        <translation>待ち時間</translation>
    </message>
</context>
<context>
    <name>WrapUpKeeper</name>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="116"/>
        <source>{count} unsaved wrap-ups are back in the list of calls</source>
        <translation>未保存の後処理 {count} 件を通話一覧に戻しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="126"/>
        <source>The file of unsaved wrap-ups was damaged; it was moved to {path}</source>
        <translation>未保存の後処理のファイルが破損していたため、{path} に移動しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="128"/>
        <source>The file of unsaved wrap-ups could not be read: {message}</source>
        <translation>未保存の後処理のファイルを読み込めませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="194"/>
        <source>Unsaved notes cannot be kept on this computer: {message}</source>
        <translation>未保存のメモをこのパソコンに保管できません: {message}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="305"/>
        <source>Wrap-up saved</source>
        <translation>後処理を保存しました</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="322"/>
        <source>the store did not answer</source>
        <translation>データベースが応答しませんでした</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="323"/>
        <source>Wrap-up not saved ({reason}). The notes are kept on this computer: press Save again.</source>
        <translation>後処理を保存できませんでした（{reason}）。メモはこのパソコンに保管しています。もう一度「保存」を押してください。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="334"/>
        <source>Discard notes?</source>
        <translation>メモを破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="338"/>
        <source>The notes of call {call} are not saved. Discard them? They cannot be brought back.</source>
        <translation>通話 {call} のメモは保存されていません。破棄しますか？元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="341"/>
        <source>Discard what was typed since the last save of call {call}? The saved wrap-up stays as it is.</source>
        <translation>通話 {call} の前回保存以降の入力を破棄しますか？保存済みの後処理はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="343"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup_keeper.py" line="362"/>
        <source>Notes discarded</source>
        <translation>メモを破棄しました</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="90"/>
        <source>Continue open inquiry: {subject}</source>
        <translation>未完了の問い合わせを継続: {subject}</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="103"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="105"/>
        <source>Draft: kept on this computer until saved</source>
        <translation>下書き: 保存するまでこのパソコンに保管します</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="107"/>
        <source>Changed since the last save: kept on this computer until saved</source>
        <translation>前回保存以降に変更あり: 保存するまでこのパソコンに保管します</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="113"/>
        <source>Wrap-up: no call</source>
        <translation>後処理: 通話なし</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="115"/>
        <source>Wrap-up for call {call}</source>
        <translation>通話 {call} の後処理</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="160"/>
        <source>— disposition —</source>
        <translation>— 対応結果 —</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="165"/>
        <source>Notes for this call (kept until saved)</source>
        <translation>この通話のメモ（保存するまで保持されます）</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="166"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="167"/>
        <source>Save notes and disposition (Ctrl+Enter)</source>
        <translation>メモと対応結果を保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="168"/>
        <source>Discard…</source>
        <translation>破棄…</translation>
    </message>
    <message>
        <location filename="../../cti_desk/qt/wrapup.py" line="169"/>
        <source>Throw away what was typed since the last save (asks first)</source>
        <translation>前回保存以降の入力を破棄します（確認あり）</translation>
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
