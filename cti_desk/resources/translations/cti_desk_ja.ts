<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>About</name>
    <message>
        <location filename="../../qt/about_dialog.py" line="53"/>
        <source>not readable: {why}</source>
        <translation>読み取れません: {why}</translation>
    </message>
    <message>
        <location filename="../../qt/about_dialog.py" line="55"/>
        <source>reading…</source>
        <translation>読み取り中…</translation>
    </message>
    <message>
        <location filename="../../qt/about_dialog.py" line="62"/>
        <source>Store schema: {revision}</source>
        <translation>データベースのスキーマ: {revision}</translation>
    </message>
    <message>
        <location filename="../../qt/about_dialog.py" line="63"/>
        <source>Log file: {path}</source>
        <translation>ログファイル: {path}</translation>
    </message>
    <message>
        <location filename="../../qt/about_dialog.py" line="64"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../qt/about_dialog.py" line="68"/>
        <source>About cti-desk</source>
        <translation>cti-desk について</translation>
    </message>
</context>
<context>
    <name>AddressStep</name>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="214"/>
        <source>Where should it go?</source>
        <translation>お届け先はどちらですか？</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="246"/>
        <source>The address cannot be looked up now. Please try again.</source>
        <translation>ただいま住所を検索できません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="250"/>
        <source>Registered street address (not shown)</source>
        <translation>ご登録の番地を使います（表示しません）</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="252"/>
        <source>Street number, building</source>
        <translation>番地・建物名</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="256"/>
        <source>Tap “Find address” to fill in the area.</source>
        <translation>「住所検索」を押して住所を入れてください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="272"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="273"/>
        <source>e.g. 150-0002</source>
        <translation>例: 150-0002</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="274"/>
        <source>Find address</source>
        <translation>住所検索</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="275"/>
        <source>Street</source>
        <translation>番地</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="276"/>
        <source>Building, room</source>
        <translation>建物名・部屋番号</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="28"/>
        <source>Available</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="29"/>
        <source>On a call</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="30"/>
        <source>Ringing</source>
        <translation>呼出中</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="31"/>
        <source>Paused</source>
        <translation>離席中</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="32"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="189"/>
        <source>Agent</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="189"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="189"/>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="190"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="190"/>
        <source>In state</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="46"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="46"/>
        <location filename="../../qt/supervisor/audit_view.py" line="206"/>
        <source>Person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="47"/>
        <source>Desk</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="47"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="48"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="48"/>
        <source>Call</source>
        <translation>通話</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="49"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="55"/>
        <source>Opened the record</source>
        <translation>顧客記録を表示</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="56"/>
        <source>Created the customer</source>
        <translation>顧客を新規登録</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="57"/>
        <source>Added a phone number</source>
        <translation>電話番号を追加</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="58"/>
        <source>Saved a wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="59"/>
        <source>Placed an order</source>
        <translation>注文を登録</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="60"/>
        <source>Cancelled an order</source>
        <translation>注文をキャンセル</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="61"/>
        <source>Kiosk member lookup</source>
        <translation>キオスクの会員照会</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="62"/>
        <source>Kiosk order</source>
        <translation>キオスクの注文</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="63"/>
        <source>Set the kiosk staff PIN</source>
        <translation>キオスクのスタッフPINを設定</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="64"/>
        <source>Imported customers</source>
        <translation>顧客を取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="65"/>
        <source>Imported purchases</source>
        <translation>購入履歴を取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="66"/>
        <source>Imported inquiries</source>
        <translation>問い合わせを取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="67"/>
        <source>Imported products</source>
        <translation>商品を取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="68"/>
        <source>Imported locations</source>
        <translation>拠点を取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="69"/>
        <source>Imported stock</source>
        <translation>在庫を取り込み</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="205"/>
        <source>Customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="207"/>
        <source>as on the records, e.g. sato</source>
        <translation>記録上の名前（例: sato）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="208"/>
        <source>From</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="209"/>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="210"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="242"/>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="259"/>
        <source>The newest {count} rows: narrow the search to see older ones</source>
        <translation>新しい順に{count}件を表示しています。それより前の記録は条件を絞り込んでください</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="262"/>
        <source>{count} rows</source>
        <translation>{count}件</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/audit_view.py" line="270"/>
        <source>Could not search: {error}</source>
        <translation>検索できません: {error}</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../qt/shift_calls.py" line="103"/>
        <source>Withheld</source>
        <translation>非通知</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="124"/>
        <source>Waiting (F8)</source>
        <translation>着信待ち (F8)</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="126"/>
        <source>Called back</source>
        <translation>折り返し済み</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="132"/>
        <source>Answered by a colleague</source>
        <translation>他の担当者が応答</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="133"/>
        <source>Rang elsewhere</source>
        <translation>他の席で着信</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="138"/>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="139"/>
        <source>Ringing</source>
        <translation>着信中</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="140"/>
        <source>Talking</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="141"/>
        <source>Wrap-up</source>
        <translation>後処理</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="142"/>
        <source>Missed</source>
        <translation>不在着信</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="143"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="235"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="236"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="237"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="238"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="134"/>
        <source>Incoming: {caller}</source>
        <translation>着信: {caller}</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="136"/>
        <source>(+{count} more)</source>
        <translation>（他 {count} 件）</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="160"/>
        <source>Queue: {queue}</source>
        <translation>キュー: {queue}</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="170"/>
        <source>Waited {time}</source>
        <translation>待ち時間 {time}</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="173"/>
        <source>Talk {time}</source>
        <translation>通話 {time}</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="202"/>
        <source>Resume queue</source>
        <translation>受付再開</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="202"/>
        <source>Pause in queue</source>
        <translation>受付停止</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="211"/>
        <source>Take over (F8)</source>
        <translation>応対を切り替え (F8)</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="212"/>
        <source>Show this call now; the call on screen waits in the list</source>
        <translation>この着信を今すぐ表示します。表示中の通話は一覧で待機します</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="185"/>
        <location filename="../../qt/call_bar.py" line="208"/>
        <source>Pause or resume taking queue calls (F9)</source>
        <translation>キューの受付を停止/再開 (F9)</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="101"/>
        <source>Pay phone</source>
        <translation>公衆電話</translation>
    </message>
    <message>
        <location filename="../../qt/shift_calls.py" line="102"/>
        <source>Number not available</source>
        <translation>表示圏外</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="209"/>
        <source>Call back</source>
        <translation>折り返し発信</translation>
    </message>
    <message>
        <location filename="../../qt/call_bar.py" line="186"/>
        <location filename="../../qt/call_bar.py" line="210"/>
        <source>Call this number (Ctrl+D)</source>
        <translation>この番号に発信 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../qt/call_logging.py" line="90"/>
        <source>Call log not written: {message}</source>
        <translation>通話履歴を記録できませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/call_logging.py" line="102"/>
        <source>Today&apos;s missed calls could not be read from the call log: {message}</source>
        <translation>本日の不在着信を通話履歴から読み込めませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/call_logging.py" line="123"/>
        <source>{count} missed calls from today wait for a call-back in the list of calls</source>
        <translation>本日の不在着信 {count} 件が通話一覧で折り返しを待っています</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../qt/order_details.py" line="73"/>
        <source>Cancel order</source>
        <translation>注文のキャンセル</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="75"/>
        <source>Cancel order {order}? Its reserved stock is released, the points spent on it go back to the customer and the order management system is told.</source>
        <translation>注文 {order} をキャンセルしますか？引き当て済みの在庫は解放され、ご利用ポイントはお客様に返却され、受注管理システムに連絡されます。</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="82"/>
        <source>Reason (required), e.g. the customer no longer needs it</source>
        <translation>理由（必須）例: お客様のご都合で不要になった</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="84"/>
        <source>Cancel the order</source>
        <translation>注文をキャンセルする</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="86"/>
        <source>Keep the order</source>
        <translation>キャンセルしない</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <location filename="../../qt/customer_panel.py" line="76"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="76"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="76"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="76"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="77"/>
        <source>Last purchase</source>
        <translation>最終購入日</translation>
    </message>
</context>
<context>
    <name>ConfirmStep</name>
    <message>
        <location filename="../../qt/kiosk/order.py" line="66"/>
        <source>Check and place the order</source>
        <translation>ご注文内容の確認</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="77"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="77"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="77"/>
        <source>For</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="77"/>
        <source>Deliver to</source>
        <translation>お届け先</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="78"/>
        <source>Delivery</source>
        <translation>お届け日時</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="78"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="80"/>
        <source>Place order</source>
        <translation>注文を確定</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../qt/customer_card.py" line="122"/>
        <source>{segment} ({orders} orders)</source>
        <translation>{segment}（購入{orders}回）</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="152"/>
        <source>Dial</source>
        <translation>発信</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="153"/>
        <source>Call {number}</source>
        <translation>{number} に発信</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="174"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="174"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="174"/>
        <source>Segment</source>
        <translation>顧客区分</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="175"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="175"/>
        <source>Channels</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="176"/>
        <source>Addresses</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="176"/>
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="177"/>
        <source>Emails</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="177"/>
        <source>Flags</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="181"/>
        <source>This is the caller</source>
        <translation>この方からの電話です</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="182"/>
        <source>Link the call on screen and its wrap-up to this customer</source>
        <translation>表示中の通話と後処理をこの顧客に紐付けます</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../qt/customer_card.py" line="28"/>
        <source>Prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="29"/>
        <source>First-time buyer</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="30"/>
        <source>Loyal customer</source>
        <translation>リピーター</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="36"/>
        <source>home</source>
        <translation>自宅</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="37"/>
        <source>mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../qt/customer_card.py" line="38"/>
        <source>work</source>
        <translation>勤務先</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="233"/>
        <source>{count} customers share this number. Who is calling?</source>
        <translation>この番号の顧客が{count}名います。どなたからの電話ですか？</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="257"/>
        <source>{caller}

The store cannot be reached: the customer&apos;s record appears here as soon as it answers again.</source>
        <translation>{caller}

データベースに接続できません。応答があり次第、顧客情報をここに表示します。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="270"/>
        <source>Find the customer to attach this number to.</source>
        <translation>この番号を登録する顧客を検索してください。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="278"/>
        <source>Withheld number: ask the caller and search.</source>
        <translation>非通知です。お名前などを伺って検索してください。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="289"/>
        <source>{count} found: pick the customer to attach this number to.</source>
        <translation>{count}件: この番号を登録する顧客を選んでください。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="291"/>
        <source>{count} customers found</source>
        <translation>{count}件の顧客</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="303"/>
        <source>No call on screen.
Press F2 to search for a customer.</source>
        <translation>通話はありません。
F2で顧客を検索できます。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="304"/>
        <source>Looking up the caller…</source>
        <translation>発信者を検索中…</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="306"/>
        <source>Open this customer</source>
        <translation>この顧客を開く</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="307"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="308"/>
        <source>Attach number to this customer</source>
        <translation>この顧客に番号を登録</translation>
    </message>
</context>
<context>
    <name>CustomerStep</name>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="82"/>
        <source>Who is it for?</source>
        <translation>どなたのご注文ですか？</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="109"/>
        <source>Members cannot be looked up now. Try again, or order as a guest.</source>
        <translation>ただいま会員を検索できません。もう一度お試しいただくか、ゲストとしてご注文ください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="138"/>
        <source>Find the member, or choose Guest.</source>
        <translation>会員を検索するか、「ゲスト」を選んでください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="157"/>
        <source>Member (member number or phone)</source>
        <translation>会員（会員番号または電話番号）</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="158"/>
        <source>Guest (no membership)</source>
        <translation>ゲスト（会員登録なし）</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="159"/>
        <source>Member number or phone number</source>
        <translation>会員番号または電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="160"/>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="161"/>
        <source>Name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="162"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_who.py" line="163"/>
        <source>e.g. 090-1234-5678</source>
        <translation>例: 090-1234-5678</translation>
    </message>
</context>
<context>
    <name>DeliveryAddress</name>
    <message>
        <location filename="../../qt/order_address.py" line="73"/>
        <source>Deliver to</source>
        <translation>お届け先</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="74"/>
        <source>e.g. 100-0001</source>
        <translation>例 100-0001</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="75"/>
        <source>Find address</source>
        <translation>住所検索</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="76"/>
        <source>Street number, building, room</source>
        <translation>番地・建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="78"/>
        <source>Address book</source>
        <translation>住所帳</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="78"/>
        <source>Name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="78"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="79"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="79"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="80"/>
        <source>City, ward, town</source>
        <translation>市区町村・町域</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="80"/>
        <source>Street and building</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="81"/>
        <source>Building name etc.</source>
        <translation>建物名など</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="83"/>
        <location filename="../../qt/order_address.py" line="99"/>
        <source>New address</source>
        <translation>新しいお届け先</translation>
    </message>
    <message>
        <location filename="../../qt/order_address.py" line="155"/>
        <source>Cannot look the address up: enter the prefecture and city by hand</source>
        <translation>住所を検索できません。都道府県と市区町村を手入力してください</translation>
    </message>
</context>
<context>
    <name>DeliveryTerms</name>
    <message>
        <location filename="../../qt/order_terms.py" line="58"/>
        <source>Delivery date, time and payment</source>
        <translation>お届け日時・お支払い</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="59"/>
        <source>Delivery date</source>
        <translation>お届け日</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="59"/>
        <source>Time slot</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="60"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="60"/>
        <source>Points to use</source>
        <translation>ポイント利用</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="71"/>
        <source>Balance — pt</source>
        <translation>残高 — pt</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="73"/>
        <source>Balance {points} pt</source>
        <translation>残高 {points} pt</translation>
    </message>
    <message>
        <location filename="../../qt/order_terms.py" line="86"/>
        <source>Earliest {date}</source>
        <translation>最短 {date}</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="45"/>
        <source>Store</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="46"/>
        <source>Call source</source>
        <translation>着信元</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="47"/>
        <source>OMS</source>
        <translation>OMS</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="48"/>
        <source>Keyring</source>
        <translation>キーリング</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="49"/>
        <source>Log file</source>
        <translation>ログファイル</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="93"/>
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="95"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="95"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="96"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="97"/>
        <source>Run again</source>
        <translation>再実行</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="98"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="128"/>
        <source>The checks could not run: {why}</source>
        <translation>診断を実行できませんでした: {why}</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="132"/>
        <source>Checking the store, the call source and the OMS…</source>
        <translation>データベース、着信元、OMS を確認しています…</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="135"/>
        <source>Everything this desk needs answers.</source>
        <translation>この席に必要な接続先はすべて応答しています。</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="136"/>
        <source>{count} item(s) FAILED: this desk may show no pops until they are fixed.</source>
        <translation>{count} 件の項目が失敗しました: 解決するまで、この席には着信ポップアップが表示されないことがあります。</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="141"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="141"/>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="144"/>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <location filename="../../qt/diagnostics_dialog.py" line="161"/>
        <source>Copied: paste it into a message to your IT person.</source>
        <translation>コピーしました: IT 担当者へのメッセージに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../qt/kiosk/done.py" line="77"/>
        <source>No printer is set up: please note the order number.</source>
        <translation>プリンターが設定されていません。ご注文番号をお控えください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="83"/>
        <source>The slip could not be printed: please note the order number.</source>
        <translation>控えを印刷できませんでした。ご注文番号をお控えください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="85"/>
        <source>The slip is printing.</source>
        <translation>控えを印刷しています。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="94"/>
        <source>Thank you. The order is placed.</source>
        <translation>ありがとうございます。ご注文を承りました。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="95"/>
        <source>Order number</source>
        <translation>ご注文番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="96"/>
        <source>Delivery</source>
        <translation>お届け日時</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="97"/>
        <source>Print slip</source>
        <translation>控えを印刷</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/done.py" line="98"/>
        <source>Done: next customer</source>
        <translation>完了（次のお客様へ）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../qt/help_menu.py" line="39"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../qt/help_menu.py" line="40"/>
        <source>Diagnostics…</source>
        <translation>診断…</translation>
    </message>
    <message>
        <location filename="../../qt/help_menu.py" line="41"/>
        <source>About cti-desk</source>
        <translation>cti-desk について</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../qt/history_labels.py" line="18"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="19"/>
        <location filename="../../qt/history_models.py" line="296"/>
        <source>EC</source>
        <translation>EC</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="20"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="21"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="22"/>
        <source>Call center</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="23"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="24"/>
        <source>Web form</source>
        <translation>Webフォーム</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="30"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="32"/>
        <source>Order received</source>
        <translation>受付済</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="33"/>
        <source>Shipped</source>
        <translation>発送済</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="34"/>
        <source>Delivered</source>
        <translation>お届け済</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="35"/>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="36"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="37"/>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="38"/>
        <source>Returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="50"/>
        <source>OMS</source>
        <translation>OMS</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="52"/>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="58"/>
        <source>Question answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="59"/>
        <source>Order placed</source>
        <translation>注文受付</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="60"/>
        <source>Complaint</source>
        <translation>苦情</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="61"/>
        <source>Callback requested</source>
        <translation>折り返し依頼</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="62"/>
        <source>Wrong number</source>
        <translation>間違い電話</translation>
    </message>
    <message>
        <location filename="../../qt/history_labels.py" line="63"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="67"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="68"/>
        <location filename="../../qt/inquiry_model.py" line="30"/>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="69"/>
        <source>Shop / site</source>
        <translation>店舗／サイト</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="70"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="71"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="72"/>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../qt/history_models.py" line="73"/>
        <location filename="../../qt/inquiry_model.py" line="31"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="29"/>
        <source>Opened</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="32"/>
        <source>Disposition</source>
        <translation>対応結果</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="33"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="34"/>
        <source>Operator</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="110"/>
        <source>… {count} earlier contacts</source>
        <translation>… 以前の対応 {count} 件</translation>
    </message>
    <message>
        <location filename="../../qt/inquiry_model.py" line="119"/>
        <source>call {call}</source>
        <translation>通話 {call}</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../qt/kiosk/idle.py" line="41"/>
        <source>Still there?
The screen is cleared in {seconds} s.
Touch anywhere to continue.</source>
        <translation>操作が止まっています
あと {seconds} 秒で画面を消去します
続けるには画面に触れてください</translation>
    </message>
</context>
<context>
    <name>InventoryPanel</name>
    <message>
        <location filename="../../qt/inventory_panel.py" line="203"/>
        <source>SKU, JAN (scan) or product name</source>
        <translation>SKU・JAN（スキャン可）・商品名</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="204"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="205"/>
        <source>Add to order from this location</source>
        <translation>この拠点から注文に追加</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="210"/>
        <source>Search for a product</source>
        <translation>商品を検索してください</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="326"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="342"/>
        <source>Total: on hand {on_hand}, reserved {reserved}, available {available}</source>
        <translation>合計&#x3000;在庫 {on_hand}&#x3000;引当 {reserved}&#x3000;有効在庫 {available}</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="344"/>
        <source>Last updated {updated} (as of {seen})</source>
        <translation>最終更新 {updated}（{seen} 時点）</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="349"/>
        <source>Cannot load the stock: {error}</source>
        <translation>在庫を読み込めません: {error}</translation>
    </message>
</context>
<context>
    <name>KioskSlip</name>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="35"/>
        <source>Order number</source>
        <translation>ご注文番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="36"/>
        <source>Delivery date</source>
        <translation>お届け日</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="37"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="38"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="39"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="40"/>
        <source>Ordered at</source>
        <translation>ご注文店舗</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="57"/>
        <source>Home delivery order</source>
        <translation>ご自宅配送のご注文控え</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/slip.py" line="65"/>
        <source>Keep this slip until the delivery arrives.</source>
        <translation>お届けまでこの控えを保管してください。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../qt/kiosk/window.py" line="220"/>
        <source>Shop kiosk — {shop}</source>
        <translation>店頭端末 — {shop}</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/window.py" line="221"/>
        <source>{shop}: stock and home delivery</source>
        <translation>{shop}&#x3000;在庫検索・ご自宅配送</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/window.py" line="223"/>
        <source>Staff</source>
        <translation>スタッフ</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/window.py" line="224"/>
        <source>Staff: leave kiosk mode</source>
        <translation>スタッフ用: 店頭端末モードを終了</translation>
    </message>
</context>
<context>
    <name>KpiView</name>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="75"/>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="75"/>
        <location filename="../../qt/supervisor/kpi_view.py" line="226"/>
        <source>Calls</source>
        <translation>着信数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="75"/>
        <source>Answered</source>
        <translation>応答数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="76"/>
        <source>Missed</source>
        <translation>未応答数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="76"/>
        <source>Customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="77"/>
        <location filename="../../qt/supervisor/kpi_view.py" line="227"/>
        <source>Orders</source>
        <translation>受注数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="77"/>
        <source>Order value</source>
        <translation>受注金額</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="78"/>
        <source>Conversion</source>
        <translation>受注率</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="78"/>
        <source>First-time buyers</source>
        <translation>初回購入客</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="79"/>
        <location filename="../../qt/supervisor/kpi_view.py" line="99"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="79"/>
        <location filename="../../qt/supervisor/kpi_view.py" line="100"/>
        <source>Entry channel</source>
        <translation>初回接点チャネル</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="80"/>
        <source>New prospects</source>
        <translation>新規見込み客</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="80"/>
        <source>Became first-time buyers</source>
        <translation>初回購入へ</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="81"/>
        <source>Became loyal</source>
        <translation>リピーターへ</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="82"/>
        <source>Product id</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="82"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="82"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="83"/>
        <source>Asked for</source>
        <translation>問い合わせ数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="83"/>
        <source>Out of stock where the caller was</source>
        <translation>発信者の地域で在庫切れ</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="91"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="92"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="92"/>
        <source>EC site</source>
        <translation>ECサイト</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="93"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="93"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="94"/>
        <source>Call center</source>
        <translation>コールセンター</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="99"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="99"/>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="100"/>
        <source>Segment at the call</source>
        <translation>通話時の顧客区分</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="212"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="213"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="214"/>
        <source>By</source>
        <translation>集計単位</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="215"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="216"/>
        <source>Export chart (PNG)…</source>
        <translation>グラフを書き出す (PNG)…</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="217"/>
        <source>Export data (CSV)…</source>
        <translation>データを書き出す (CSV)…</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="218"/>
        <source>Customer journey: prospect → first-time → loyal, per month and entry channel</source>
        <translation>カスタマージャーニー：見込み客 → 初回購入客 → リピーター（月別・初回接点チャネル別）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="221"/>
        <source>Products most asked for, out of stock where the caller was first</source>
        <translation>問い合わせの多い商品（発信者の地域で在庫切れのものを先に）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="282"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="310"/>
        <source>{count} rows, {start} – {end}</source>
        <translation>{count} 行（{start} ～ {end}）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="284"/>
        <source>Could not count: {error}</source>
        <translation>集計できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="349"/>
        <source>Export chart</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="350"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="355"/>
        <source>Export data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/kpi_view.py" line="356"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <location filename="../../qt/link_status.py" line="109"/>
        <source>PBX: connecting to {source}…</source>
        <translation>PBX: {source} に接続中…</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="112"/>
        <source>PBX: listening for calls on {address}</source>
        <translation>PBX: {address} で着信を待ち受け中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="114"/>
        <source>PBX: call simulator running</source>
        <translation>PBX: 着信シミュレーター動作中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="116"/>
        <source>PBX: connected ({pbx})</source>
        <translation>PBX: 接続中（{pbx}）</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="117"/>
        <source>PBX: connected</source>
        <translation>PBX: 接続中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="122"/>
        <source>PBX: reconnecting since {time}, next try in {seconds} s</source>
        <translation>PBX: {time} から再接続中、{seconds} 秒後に再試行</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="124"/>
        <source>PBX: reconnecting since {time}, trying now</source>
        <translation>PBX: {time} から再接続中、接続を試行中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="126"/>
        <source>PBX: refused: {reason}</source>
        <translation>PBX: 接続拒否: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="127"/>
        <source>PBX: stopped: {reason}</source>
        <translation>PBX: 停止: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="133"/>
        <source>Relay: connecting to the store…</source>
        <translation>リレー: データベースに接続中…</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="135"/>
        <source>Relay: connected (relay on {host})</source>
        <translation>リレー: 接続中（{host} のリレー）</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="136"/>
        <source>Relay: connected</source>
        <translation>リレー: 接続中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="141"/>
        <source>Relay: reconnecting to the store since {time}, next try in {seconds} s</source>
        <translation>リレー: {time} からデータベースに再接続中、{seconds} 秒後に再試行</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="143"/>
        <source>Relay: reconnecting to the store since {time}, trying now</source>
        <translation>リレー: {time} からデータベースに再接続中、接続を試行中</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="144"/>
        <source>Relay: stopped: {reason}</source>
        <translation>リレー: 停止: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="148"/>
        <source>authentication failed</source>
        <translation>認証に失敗しました</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="149"/>
        <source>the port is in use</source>
        <translation>ポートが使用中です</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="150"/>
        <source>the call source was stopped</source>
        <translation>着信元を停止しました</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="151"/>
        <source>the call source ended</source>
        <translation>着信元が終了しました</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="156"/>
        <source>Calls from: {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="157"/>
        <source>Since: {time}</source>
        <translation>開始時刻: {time}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="161"/>
        <source>Why: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="163"/>
        <source>Fix the AMI user or secret, then restart cti-desk.</source>
        <translation>AMI のユーザー名またはシークレットを直してから、cti-desk を再起動してください。</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="168"/>
        <source>PBX: {pbx}</source>
        <translation>PBX: {pbx}</translation>
    </message>
    <message>
        <location filename="../../qt/link_status.py" line="169"/>
        <source>Last connected to: {pbx}</source>
        <translation>最後の接続先: {pbx}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qt/main_window.py" line="272"/>
        <source>Order {order} placed</source>
        <translation>注文 {order} を受け付けました</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="280"/>
        <source>Order {order} placed: the store answers again</source>
        <translation>注文 {order} を確定しました（データベースが応答を再開しました）</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="291"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="309"/>
        <source>cti-desk — operator {name}</source>
        <translation>cti-desk — オペレーター {name}</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="73"/>
        <source>Calls this shift</source>
        <translation>本日の通話</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="311"/>
        <source>Purchases</source>
        <translation>購入履歴</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="312"/>
        <source>Inquiries</source>
        <translation>問い合わせ履歴</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="313"/>
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="314"/>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="315"/>
        <source>&amp;Call</source>
        <translation>通話(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="316"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="318"/>
        <source>Search customer</source>
        <translation>顧客検索</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="319"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="320"/>
        <source>Pause / resume in queue</source>
        <translation>受付停止／再開</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="321"/>
        <source>Call back the caller</source>
        <translation>発信者に折り返し</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="322"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="326"/>
        <source>Search customer (F2)</source>
        <translation>顧客検索 (F2)</translation>
    </message>
</context>
<context>
    <name>NewCustomerForm</name>
    <message>
        <location filename="../../qt/customer_panel.py" line="130"/>
        <source>Unknown caller: create a customer, or attach this number to one.</source>
        <translation>未登録の番号です。新規顧客を登録するか、既存の顧客にこの番号を登録してください。</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="131"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="131"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="131"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="132"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="134"/>
        <source>Create customer</source>
        <translation>顧客を登録</translation>
    </message>
    <message>
        <location filename="../../qt/customer_panel.py" line="135"/>
        <source>Attach to an existing customer…</source>
        <translation>既存の顧客に登録…</translation>
    </message>
</context>
<context>
    <name>OperatorCalls</name>
    <message>
        <location filename="../../qt/operator_calls.py" line="69"/>
        <source>Calls this shift (the newest {count}; older ones are in the call log)</source>
        <translation>本日の通話（新しい{count}件。それより前の通話は通話履歴にあります）</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="76"/>
        <source>Take over the incoming call</source>
        <translation>着信に切り替える</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="79"/>
        <source>Call back the missed caller</source>
        <translation>不在着信に折り返す</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="93"/>
        <source>Incoming call waiting</source>
        <translation>着信待機中</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="94"/>
        <source>{caller} — F8 takes it over</source>
        <translation>{caller} — F8 で切り替え</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="96"/>
        <source>Incoming call</source>
        <translation>着信</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="109"/>
        <source>Call source: {message}</source>
        <translation>着信元: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="120"/>
        <source>Start cti-desk with --agent (this seat&apos;s phone, e.g. PJSIP/2001) to use this</source>
        <translation>この機能を使うには、この席の電話機を --agent で指定して cti-desk を起動してください（例 PJSIP/2001）</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="123"/>
        <source>The call source cannot do this (it needs an ami:// source)</source>
        <translation>この着信元ではできません（ami:// の着信元が必要です）</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="136"/>
        <source>Calling {number}: pick up your phone when it rings</source>
        <translation>{number} に発信中: 電話機が鳴ったら受話器を取ってください</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="143"/>
        <source>Paused in the queue</source>
        <translation>キューの受付を停止しました</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="144"/>
        <source>Taking queue calls again</source>
        <translation>キューの受付を再開しました</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="149"/>
        <source>Could not call: {message}</source>
        <translation>発信できませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="152"/>
        <source>Could not pause or resume: {message}</source>
        <translation>受付の停止/再開ができませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="180"/>
        <source>{caller} hung up before the call was answered: it stays in the list of calls for a call-back</source>
        <translation>{caller} は応答前に切れました。折り返しのため通話一覧に残します</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="238"/>
        <source>{caller}: answered by a colleague ({agent})</source>
        <translation>{caller}: 他の担当者が応答しました（{agent}）</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="241"/>
        <source>{caller}: stopped ringing here, the queue offers it to another phone</source>
        <translation>{caller}: この席での呼び出しが終わり、キューが別の電話機に回しました</translation>
    </message>
    <message>
        <location filename="../../qt/operator_calls.py" line="263"/>
        <source>No call is waiting to be taken over</source>
        <translation>切り替えを待っている着信はありません</translation>
    </message>
</context>
<context>
    <name>OrderDetails</name>
    <message>
        <location filename="../../qt/order_details.py" line="61"/>
        <source>Reason: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="189"/>
        <source>Cancel order…</source>
        <translation>注文をキャンセル…</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="194"/>
        <source>Select a delivery order to see its history</source>
        <translation>配送注文を選ぶと、その履歴を表示します</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="198"/>
        <location filename="../../qt/order_details.py" line="203"/>
        <source>Order {order}</source>
        <translation>注文 {order}</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="200"/>
        <source>Could not load the order&apos;s history</source>
        <translation>注文の履歴を読み込めません</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="205"/>
        <source>Loading the order&apos;s history…</source>
        <translation>注文の履歴を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="208"/>
        <source>Purchase {order}: {status}</source>
        <translation>購入 {order}: {status}</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="211"/>
        <source>Not a delivery order taken here: there is nothing to cancel</source>
        <translation>ここで受け付けた配送注文ではないため、キャンセルするものはありません</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="214"/>
        <source>Order {order}: {status}</source>
        <translation>注文 {order}: {status}</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="218"/>
        <source>Cancelling order {order}…</source>
        <translation>注文 {order} をキャンセル中…</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="252"/>
        <source>Order {order} cancelled: {points} points returned to the customer</source>
        <translation>注文 {order} をキャンセルしました。{points}ポイントをお客様に返却しました</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="255"/>
        <source>Order {order} cancelled</source>
        <translation>注文 {order} をキャンセルしました</translation>
    </message>
    <message>
        <location filename="../../qt/order_details.py" line="265"/>
        <source>Not cancelled: {why}</source>
        <translation>キャンセルできませんでした: {why}</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../qt/order_form.py" line="177"/>
        <source>Place order</source>
        <translation>注文を確定</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="244"/>
        <source>Customer: —</source>
        <translation>お客様: —</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="247"/>
        <source>Customer: {name} (ID {id})</source>
        <translation>お客様: {name}（ID {id}）</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="266"/>
        <source>Total ¥{total}  Points −{used}  To pay ¥{paid}  Earns {earned} pt</source>
        <translation>合計 ¥{total}&#x3000;ポイント −{used}&#x3000;お支払い ¥{paid}&#x3000;獲得予定 {earned} pt</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="291"/>
        <source>Choose the customer before ordering</source>
        <translation>お客様を選んでから注文してください</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="297"/>
        <source>Reserving stock…</source>
        <translation>在庫を引き当てています…</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="306"/>
        <source>Please check the entries ({count})</source>
        <translation>入力内容を確認してください（{count}件）</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="316"/>
        <source>Order {order_no} was placed (the store&apos;s answer had been lost: it exists once)  Delivery {date}  Total ¥{total}</source>
        <translation>注文 {order_no} を受け付けました（データベースの応答が途切れましたが、注文は1件だけ登録されています）&#x3000;お届け日 {date}&#x3000;合計 ¥{total}</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="321"/>
        <source>Order {order_no}  Delivery {date}  Total ¥{total}  Earns {earned} pt on delivery</source>
        <translation>ご注文番号 {order_no}&#x3000;お届け {date}&#x3000;合計 ¥{total}&#x3000;お届け時に {earned} pt 付与</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="325"/>
        <location filename="../../qt/order_form_waiting.py" line="45"/>
        <source>{order}  OMS: {status}</source>
        <translation>{order}&#x3000;OMS: {status}</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="362"/>
        <source>The customer&apos;s addresses and points could not be loaded: the store did not answer. Open the customer again.</source>
        <translation>お客様の住所とポイントを読み込めませんでした。データベースが応答しません。もう一度お客様を開いてください。</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="376"/>
        <source>The order was not placed: {reason}</source>
        <translation>注文は確定されませんでした: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="387"/>
        <source>Another seat reserved the stock. It can ship from {location} (source changed).</source>
        <translation>他の受付で在庫が引き当てられました。{location} からお届けできます（出荷元を変更しました）。</translation>
    </message>
    <message>
        <location filename="../../qt/order_form.py" line="389"/>
        <source>Another seat reserved the stock. No other location has stock.</source>
        <translation>他の受付で在庫が引き当てられました。他に在庫のある拠点がありません。</translation>
    </message>
    <message>
        <location filename="../../qt/order_form_waiting.py" line="26"/>
        <source>The store did not answer: the order for {customer} (¥{total}) is kept on this computer and placed by itself as soon as the store answers</source>
        <translation>データベースが応答しません。{customer} 様のご注文（¥{total}）はこのパソコンに保持し、応答があり次第自動で確定します</translation>
    </message>
    <message>
        <location filename="../../qt/order_form_waiting.py" line="39"/>
        <source>Order {order_no} placed after waiting for the store ({customer})  Delivery {date}  Total ¥{total}</source>
        <translation>データベースの応答を待って注文 {order_no} を確定しました（{customer} 様）&#x3000;お届け日 {date}&#x3000;合計 ¥{total}</translation>
    </message>
    <message>
        <location filename="../../qt/order_form_waiting.py" line="59"/>
        <source>The order for {customer} that waited for the store was not placed: {reason}. Take it back into the form to change it.</source>
        <translation>データベースの応答を待っていた {customer} 様のご注文は確定されませんでした: {reason}。フォームに戻して修正してください。</translation>
    </message>
    <message>
        <location filename="../../qt/order_form_waiting.py" line="80"/>
        <source>The order is back in the form: change it, then place it</source>
        <translation>注文をフォームに戻しました。修正してから確定してください</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../qt/order_lines.py" line="88"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="88"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="88"/>
        <source>Unit price</source>
        <translation>単価</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="88"/>
        <source>Ships from</source>
        <translation>出荷元</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="88"/>
        <source>Subtotal</source>
        <translation>小計</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="89"/>
        <source>Add by SKU, JAN or product name</source>
        <translation>SKU・JAN・商品名で追加</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="90"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="91"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="94"/>
        <location filename="../../qt/order_lines.py" line="193"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="97"/>
        <location filename="../../qt/order_lines.py" line="201"/>
        <source>— choose where it ships from —</source>
        <translation>— 出荷元を選択 —</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="143"/>
        <source>Several products match: choose one in the stock lookup</source>
        <translation>候補が複数あります。在庫照会で商品を選んでください</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="164"/>
        <source>The product could not be looked up: the store did not answer. Try again.</source>
        <translation>データベースが応答しなかったため、商品を検索できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="168"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="212"/>
        <source>{name} ({available} available, {days} d)</source>
        <translation>{name}（有効 {available}・{days}日）</translation>
    </message>
    <message>
        <location filename="../../qt/order_lines.py" line="274"/>
        <source>Line {n} {name}: {message}</source>
        <translation>{n}行目 {name}: {message}</translation>
    </message>
</context>
<context>
    <name>OrderScreen</name>
    <message>
        <location filename="../../qt/kiosk/order.py" line="183"/>
        <source>registered street address</source>
        <translation>ご登録の番地</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="186"/>
        <source>  (from {name})</source>
        <translation>（{name}から発送）</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="199"/>
        <source>Placing the order…</source>
        <translation>ご注文を確定しています…</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="217"/>
        <source>That stock was just taken by another order. Check the quantity and where it ships from.</source>
        <translation>この在庫はたった今ほかのご注文で確保されました。数量と発送元をご確認ください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="221"/>
        <source>The order could not be confirmed. Tap Place order again: it will not be placed twice.</source>
        <translation>ご注文を確認できませんでした。もう一度「注文を確定」を押してください（二重に注文されることはありません）。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="224"/>
        <source>The order could not be placed. Please try again.</source>
        <translation>ご注文を確定できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="251"/>
        <source>Step {n} of {total}</source>
        <translation>ステップ {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="257"/>
        <source>‹ Back</source>
        <translation>‹ 戻る</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order.py" line="258"/>
        <source>Next ›</source>
        <translation>次へ ›</translation>
    </message>
</context>
<context>
    <name>OutboxIndicator</name>
    <message>
        <location filename="../../qt/outbox_status.py" line="70"/>
        <source>OMS: all orders sent</source>
        <translation>OMS: 注文はすべて送信済み</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="72"/>
        <source>OMS orders: {waiting} waiting, {failed} failed</source>
        <translation>OMS 送信: 送信待ち {waiting} 件、失敗 {failed} 件</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="75"/>
        <source>last error: {error}</source>
        <translation>直近のエラー: {error}</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="80"/>
        <source>Waiting to be sent: {n}</source>
        <translation>送信待ち: {n} 件</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="81"/>
        <source>Of those, tried and not taken yet: {n}</source>
        <translation>うち再送待ち（送信済みだが未受付）: {n} 件</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="82"/>
        <source>Refused by the OMS (need a person): {n}</source>
        <translation>OMS が受付拒否（要対応）: {n} 件</translation>
    </message>
    <message>
        <location filename="../../qt/outbox_status.py" line="84"/>
        <source>Last error: {error}</source>
        <translation>直近のエラー: {error}</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../qt/order_outbox.py" line="66"/>
        <source>Order no.</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="66"/>
        <source>OMS</source>
        <translation>OMS送信</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="66"/>
        <source>Attempts</source>
        <translation>試行</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="66"/>
        <source>Next try</source>
        <translation>次回</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="66"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="68"/>
        <source>Retry now</source>
        <translation>今すぐ再送</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="69"/>
        <source>Sending to the order management system (OMS)</source>
        <translation>受注管理システム（OMS）への送信</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="88"/>
        <source>Waiting to send</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="88"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../qt/order_outbox.py" line="89"/>
        <source>Needs attention (send failed)</source>
        <translation>要対応（送信失敗）</translation>
    </message>
</context>
<context>
    <name>PaymentStep</name>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="217"/>
        <source>How will it be paid?</source>
        <translation>お支払い方法は？</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="237"/>
        <source>Payment</source>
        <translation>お支払い</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="77"/>
        <source>Staff PIN</source>
        <translation>スタッフ暗証番号</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="78"/>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation>スタッフ専用: 店頭端末モードを終了するには暗証番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="80"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="81"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="112"/>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>暗証番号が違います。{seconds} 秒後にもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="122"/>
        <source>Enter the PIN again.</source>
        <translation>もう一度暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="133"/>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="143"/>
        <source>Wrong PIN.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/pin.py" line="149"/>
        <source>The PIN cannot be checked now. Please try again.</source>
        <translation>ただいま暗証番号を確認できません。もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>ProductScreen</name>
    <message>
        <location filename="../../qt/kiosk/product.py" line="156"/>
        <source>No picture</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="157"/>
        <source>‹ Scan another product</source>
        <translation>‹ ほかの商品をスキャン</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="158"/>
        <source>Deliver to the customer&apos;s home ›</source>
        <translation>ご自宅へお届け ›</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="181"/>
        <source>Stock as of {time}</source>
        <translation>{time} 時点の在庫</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="188"/>
        <source>The stock cannot be reached. Please try again.</source>
        <translation>ただいま在庫を確認できません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="196"/>
        <source>Looking for stock…</source>
        <translation>在庫を確認しています…</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="200"/>
        <source>In stock at this shop: {count}</source>
        <translation>当店に在庫あり: {count} 点</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="202"/>
        <source>Not at this shop: it can be delivered from elsewhere</source>
        <translation>当店には在庫がありません。ほかの拠点からご自宅へお届けできます</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="204"/>
        <source>Out of stock everywhere</source>
        <translation>どの拠点にも在庫がありません</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryView</name>
    <message>
        <location filename="../../qt/history_views.py" line="142"/>
        <source>Could not load purchases</source>
        <translation>購入履歴を読み込めません</translation>
    </message>
    <message>
        <location filename="../../qt/history_views.py" line="144"/>
        <source>{shown} of {total} purchases loaded</source>
        <translation>購入 {total}件中 {shown}件を表示</translation>
    </message>
    <message>
        <location filename="../../qt/history_views.py" line="146"/>
        <source>{shown} of {total} purchases match</source>
        <translation>購入 {total}件中 {shown}件が一致</translation>
    </message>
    <message>
        <location filename="../../qt/history_views.py" line="148"/>
        <source>{shown} matching purchases loaded (of {total}), more below</source>
        <translation>一致する購入 {shown}件を表示（全{total}件）、続きは下にあります</translation>
    </message>
    <message>
        <location filename="../../qt/history_views.py" line="152"/>
        <source>Filter purchases (product, shop, channel…)</source>
        <translation>購入履歴を絞り込み（商品、店舗、チャネル…）</translation>
    </message>
</context>
<context>
    <name>QuantityStep</name>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="99"/>
        <source>How many?</source>
        <translation>数量はいくつですか？</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="124"/>
        <source>Total {amount}</source>
        <translation>合計 {amount}</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="128"/>
        <source>No location has that many.</source>
        <translation>その数量の在庫がある拠点はありません。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="130"/>
        <source>Ships from {place}: {name}. At the customer&apos;s home by {date}.</source>
        <translation>発送元: {place}（{name}）。ご自宅へは {date} までにお届けします。</translation>
    </message>
</context>
<context>
    <name>QueueCharts</name>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="42"/>
        <source>Waiting callers and longest wait, last hour</source>
        <translation>待ち呼数と最長待ち時間（直近1時間）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="51"/>
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="55"/>
        <source>Waiting</source>
        <translation>待ち呼数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="57"/>
        <source>Longest wait (s)</source>
        <translation>最長待ち時間（秒）</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="86"/>
        <source>Agents by state</source>
        <translation>状態別オペレーター数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="128"/>
        <source>Calls per 15 minutes: today and the same weekday last week</source>
        <translation>15分ごとの着信数：今日と先週の同じ曜日</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="136"/>
        <source>hour</source>
        <translation>時</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="138"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/charts.py" line="140"/>
        <source>Last week</source>
        <translation>先週</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_charts.py" line="126"/>
        <source>Queue:</source>
        <translation>キュー:</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_charts.py" line="127"/>
        <source>All queues</source>
        <translation>全キュー</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_charts.py" line="128"/>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_charts.py" line="129"/>
        <source>Callers waiting</source>
        <translation>待ち呼一覧</translation>
    </message>
</context>
<context>
    <name>QueueTiles</name>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="58"/>
        <source>Waiting</source>
        <translation>待ち呼数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="59"/>
        <source>Longest wait</source>
        <translation>最長待ち時間</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="60"/>
        <source>Offered</source>
        <translation>着信数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="61"/>
        <source>Answered</source>
        <translation>応答数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="62"/>
        <source>Abandoned</source>
        <translation>放棄呼数</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="63"/>
        <source>Service level</source>
        <translation>サービスレベル</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="64"/>
        <source>Abandon rate</source>
        <translation>放棄率</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="65"/>
        <source>Avg. speed of answer</source>
        <translation>平均応答時間 (ASA)</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="66"/>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="83"/>
        <source>{available} free · {on_call} talking · {ringing} ringing · {paused} paused · {offline} offline</source>
        <translation>待機 {available} · 通話 {on_call} · 呼出 {ringing} · 離席 {paused} · オフライン {offline}</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/queue_tiles.py" line="94"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>RelayBanner</name>
    <message>
        <location filename="../../qt/relay_banner.py" line="60"/>
        <source>No call relay has run on this store yet: calls do not pop until `cti-desk relay` runs for the PBX</source>
        <translation>このデータベースではまだ着信リレーが動いていません。PBX 用に `cti-desk relay` を起動するまで着信は表示されません</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="63"/>
        <source>The call relay on {host} has lost the PBX ({state}): calls do not pop until it is back</source>
        <translation>{host} の着信リレーが PBX との接続を失っています（{state}）。復旧するまで着信は表示されません</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="66"/>
        <source>No heartbeat from the call relay since {time} ({host}): calls do not pop until a relay runs again</source>
        <translation>{time} 以降、着信リレー（{host}）からの応答がありません。リレーが再び動くまで着信は表示されません</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="70"/>
        <source>No heartbeat from the call relay: calls do not pop until a relay runs again</source>
        <translation>着信リレーからの応答がありません。リレーが再び動くまで着信は表示されません</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="75"/>
        <source>reconnecting</source>
        <translation>再接続中</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="75"/>
        <source>login refused</source>
        <translation>ログイン拒否</translation>
    </message>
    <message>
        <location filename="../../qt/relay_banner.py" line="76"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="75"/>
        <source>Scan the product&apos;s barcode</source>
        <translation>商品のバーコードをスキャンしてください</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="76"/>
        <source>Barcode (JAN) or product name</source>
        <translation>バーコード（JAN）または商品名</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="77"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="78"/>
        <source>Or type the product&apos;s name (kana or kanji) and tap Search.</source>
        <translation>商品名（かな・漢字）を入力して「検索」を押しても探せます。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="115"/>
        <source>The product list cannot be reached. Please try again.</source>
        <translation>ただいま商品を検索できません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/scan.py" line="128"/>
        <source>More products match: type more of the name.</source>
        <translation>該当する商品が多すぎます。商品名をもう少し入力してください。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../qt/search.py" line="49"/>
        <source>Search: name, kana, phone, email, member no., order no. (F2)</source>
        <translation>検索: 氏名・フリガナ・電話・メール・会員番号・注文番号 (F2)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qt/settings_dialog.py" line="177"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="179"/>
        <source>Store URL</source>
        <translation>データベースのURL</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="180"/>
        <source>Call source</source>
        <translation>着信元</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="181"/>
        <source>PBX host</source>
        <translation>PBXのホスト</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="182"/>
        <source>AMI port</source>
        <translation>AMIポート</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="183"/>
        <source>AMI user</source>
        <translation>AMIユーザー</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="184"/>
        <source>AMI secret</source>
        <translation>AMIシークレット</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="185"/>
        <source>Listen on address</source>
        <translation>待ち受けアドレス</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="186"/>
        <source>Listen on port</source>
        <translation>待ち受けポート</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="187"/>
        <source>Webhook token</source>
        <translation>Webhookトークン</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="188"/>
        <source>This seat&apos;s phone (agent interface)</source>
        <translation>この席の電話機（エージェントインターフェース）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="189"/>
        <source>Pop on answer for queues</source>
        <translation>応答時にポップアップするキュー</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="190"/>
        <source>OMS URL</source>
        <translation>OMSのURL</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="191"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="192"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="193"/>
        <source>Kiosk shop code</source>
        <translation>キオスクの店舗コード</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="194"/>
        <source>Kiosk idle timeout (s)</source>
        <translation>キオスクの無操作タイムアウト（秒）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="198"/>
        <source>Asterisk (AMI)</source>
        <translation>Asterisk（AMI）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="198"/>
        <source>Cloud PBX (webhook)</source>
        <translation>クラウドPBX（Webhook）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="199"/>
        <source>Simulator (demo calls)</source>
        <translation>シミュレーター（デモ着信）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="200"/>
        <source>Relay (through the PostgreSQL store)</source>
        <translation>リレー（PostgreSQLデータベース経由）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="203"/>
        <source>As the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="205"/>
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="205"/>
        <source>Supervisor</source>
        <translation>スーパーバイザー</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="205"/>
        <source>Kiosk</source>
        <translation>キオスク</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="208"/>
        <source>Challenge/MD5 login (the secret is not sent)</source>
        <translation>チャレンジ/MD5ログイン（シークレットを送信しません）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="209"/>
        <source>saved in the OS keyring; empty keeps the saved one</source>
        <translation>OSのキーリングに保存。空欄なら保存済みのものを使用</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="210"/>
        <source>saved in the OS keyring; empty for none</source>
        <translation>OSのキーリングに保存。空欄ならトークンなし</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="214"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="215"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="216"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="217"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="267"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="267"/>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="277"/>
        <source>Enter a store URL to test it.</source>
        <translation>テストするデータベースのURLを入力してください。</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="280"/>
        <source>Opening the store…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="303"/>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="359"/>
        <source>Not saved: see the messages under the fields.</source>
        <translation>保存していません：各項目の下のメッセージを確認してください。</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="370"/>
        <source>Saved to {path}. Restart cti-desk to use a new store or call source.</source>
        <translation>{path} に保存しました。新しいデータベースや着信元を使うには cti-desk を再起動してください。</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../../qt/settings_menu.py" line="56"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../qt/settings_menu.py" line="57"/>
        <location filename="../../qt/settings_menu.py" line="64"/>
        <source>Connect to your PBX…</source>
        <translation>PBXに接続…</translation>
    </message>
    <message>
        <location filename="../../qt/settings_menu.py" line="59"/>
        <source>&amp;Desk</source>
        <translation>デスク(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../qt/settings_menu.py" line="61"/>
        <source>Demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <location filename="../../qt/settings_menu.py" line="62"/>
        <source>Demo data and simulated calls: this desk is not connected to a PBX or a store of its own yet.</source>
        <translation>デモデータと模擬着信です。このデスクはまだPBXや専用のデータベースに接続されていません。</translation>
    </message>
    <message>
        <location filename="../../qt/settings_menu.py" line="82"/>
        <source>The settings file could not be read ({reason}). It was kept as {name} and this desk started with the default settings: open Settings… to set it up again.</source>
        <translation>設定ファイルを読み込めませんでした（{reason}）。ファイルは {name} として残し、このデスクは既定の設定で起動しました。「設定…」から設定し直してください。</translation>
    </message>
</context>
<context>
    <name>SettingsMessages</name>
    <message>
        <location filename="../../qt/settings_messages.py" line="16"/>
        <source>expected the phone&apos;s interface as TECH/resource, e.g. PJSIP/2001, SIP/alice or Local/2001@from-queue</source>
        <translation>電話機のインターフェースを TECH/resource の形で入力してください（例: PJSIP/2001、SIP/alice、Local/2001@from-queue）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="19"/>
        <source>expected http://HOST[:PORT]/PATH or https://...</source>
        <translation>http://HOST[:PORT]/PATH または https://... の形で入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="20"/>
        <source>bad host or port</source>
        <translation>ホストまたはポートが正しくありません</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="22"/>
        <source>no host (expected e.g. https://oms.example/api)</source>
        <translation>ホストがありません（例: https://oms.example/api）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="23"/>
        <source>spaces in the URL</source>
        <translation>URLに空白が含まれています</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="24"/>
        <source>not a URL</source>
        <translation>URLではありません</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="26"/>
        <source>expected sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB</source>
        <translation>sqlite:///PATH または postgresql+psycopg://USER@HOST:PORT/DB の形で入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="29"/>
        <source>a password does not belong in the settings file (use the keyring, or the environment: CTI_DESK_DB / CTI_DESK_SOURCE / ~/.pgpass)</source>
        <translation>パスワードは設定ファイルに保存できません（キーリング、または環境変数 CTI_DESK_DB / CTI_DESK_SOURCE / ~/.pgpass を使ってください）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="32"/>
        <source>a host name or address, e.g. pbx.example or 192.0.2.10</source>
        <translation>ホスト名またはアドレスを入力してください（例: pbx.example、192.0.2.10）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="33"/>
        <source>a port, 1-65535</source>
        <translation>ポート番号（1〜65535）を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="35"/>
        <source>the AMI user of manager.conf, e.g. cti-desk</source>
        <translation>manager.conf のAMIユーザー名を入力してください（例: cti-desk）</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="36"/>
        <source>1-512 characters, no spaces</source>
        <translation>空白なしの1〜512文字で入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/settings_messages.py" line="37"/>
        <source>expected a list of queue names</source>
        <translation>キュー名をカンマ区切りで入力してください</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/gui.py" line="81"/>
        <source>Opening the store…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="87"/>
        <source>Store schema upgraded from {before} to {after}</source>
        <translation>データベースを {before} から {after} に更新しました</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="119"/>
        <source>Creating demo data…</source>
        <translation>デモデータを作成中…</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="136"/>
        <source>Creating demo data: {stage}</source>
        <translation>デモデータを作成中: {stage}</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="146"/>
        <source>Demo data created: {summary}</source>
        <translation>デモデータを作成しました: {summary}</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="155"/>
        <source>No call source (--source)</source>
        <translation>着信元なし (--source)</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="170"/>
        <source>Calls from {source}</source>
        <translation>着信元: {source}</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="177"/>
        <source>Error: {message}</source>
        <translation>エラー: {message}</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="181"/>
        <source>This store cannot be opened, and nothing in it was changed:
{message}</source>
        <translation>このストアは開けません。ストアの内容は何も変更していません:
{message}</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="242"/>
        <source>The {role} view is not built yet: showing the operator window.</source>
        <translation>{role} 画面は未実装のため、オペレーター画面を表示しています。</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <location filename="../../qt/kiosk/product.py" line="62"/>
        <source>Where</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="62"/>
        <source>Shop or warehouse</source>
        <translation>店舗・倉庫</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="62"/>
        <source>Available</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="63"/>
        <source>At the customer&apos;s home by</source>
        <translation>ご自宅へのお届け</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="75"/>
        <source>{count} left</source>
        <translation>残り {count} 点</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/product.py" line="75"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../qt/inventory_panel.py" line="66"/>
        <source>Location</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="66"/>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="66"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="66"/>
        <source>Nearness</source>
        <translation>近さ</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="67"/>
        <source>On hand</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="67"/>
        <source>Reserved</source>
        <translation>引当</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="67"/>
        <source>Available</source>
        <translation>有効在庫</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="67"/>
        <source>Lead time</source>
        <translation>出荷日数</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="68"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="72"/>
        <source>Shop</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="72"/>
        <source>Warehouse</source>
        <translation>倉庫</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="72"/>
        <source>EC</source>
        <translation>EC</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="75"/>
        <source>{days} day</source>
        <translation>{days}日</translation>
    </message>
    <message>
        <location filename="../../qt/inventory_panel.py" line="75"/>
        <source>{days} days</source>
        <translation>{days}日</translation>
    </message>
</context>
<context>
    <name>StoreBanner</name>
    <message>
        <location filename="../../qt/banner.py" line="69"/>
        <source>The store is locked by another program ({where}): wrap-ups and orders wait on this computer and are written once it is free; retrying</source>
        <translation>データベースが他のプログラムにロックされています（{where}）。後処理と注文はこのパソコンで待機し、解放され次第書き込みます。再試行しています</translation>
    </message>
    <message>
        <location filename="../../qt/banner.py" line="72"/>
        <source>The store is not answering ({where}): calls still pop with the PBX&apos;s caller number; waiting for it</source>
        <translation>データベースが応答しません（{where}）。着信は PBX の発信者番号で表示されます。応答を待っています</translation>
    </message>
    <message>
        <location filename="../../qt/banner.py" line="75"/>
        <source>The store cannot be reached ({where}): calls still pop with the PBX&apos;s caller number; retrying</source>
        <translation>データベースに接続できません（{where}）。着信は PBX の発信者番号で表示されます。再接続を試みています</translation>
    </message>
    <message>
        <location filename="../../qt/banner.py" line="79"/>
        <source>Reason: {reason}</source>
        <translation>理由: {reason}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../qt/supervisor/window.py" line="88"/>
        <source>cti-desk — supervisor</source>
        <translation>cti-desk — スーパーバイザー</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/window.py" line="89"/>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/window.py" line="90"/>
        <source>Calls and sales</source>
        <translation>通話と売上</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/window.py" line="91"/>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="207"/>
        <source>Queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="207"/>
        <source>Number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="207"/>
        <source>Caller</source>
        <translation>発信者</translation>
    </message>
    <message>
        <location filename="../../qt/supervisor/agents.py" line="208"/>
        <source>Waiting</source>
        <translation>待ち時間</translation>
    </message>
</context>
<context>
    <name>WaitingOrders</name>
    <message>
        <location filename="../../qt/order_waiting.py" line="175"/>
        <source>Discard order?</source>
        <translation>注文を破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="178"/>
        <source>Discard the order for {customer} ({total})? It has not been placed and cannot be brought back.</source>
        <translation>{customer} 様のご注文（{total}）を破棄しますか？ この注文は確定されておらず、元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="181"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="190"/>
        <source>customer {id}</source>
        <translation>顧客 {id}</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="194"/>
        <source>{time} {customer}: {total}, quantity {items}</source>
        <translation>{time} {customer}: {total}、数量 {items}</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="198"/>
        <source>Not placed: {order}: {reason}</source>
        <translation>未確定: {order}: {reason}</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="199"/>
        <source>Waiting for the store: {order}</source>
        <translation>データベース待ち: {order}</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="222"/>
        <source>Place or clear the order in the form first</source>
        <translation>先にフォームの注文を確定するか、クリアしてください</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="229"/>
        <source>Orders waiting for the store</source>
        <translation>データベース待ちの注文</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="230"/>
        <source>Back to the form</source>
        <translation>フォームに戻す</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="231"/>
        <source>Discard…</source>
        <translation>破棄…</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="247"/>
        <source>Orders cannot be kept on this computer: {message}</source>
        <translation>このパソコンに注文を保持できません: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/order_waiting.py" line="260"/>
        <source>{product}: another seat reserved the stock</source>
        <translation>{product}: 他の受付で在庫が引き当てられました</translation>
    </message>
</context>
<context>
    <name>WhenStep</name>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="169"/>
        <source>When should it arrive?</source>
        <translation>いつお届けしますか？</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="184"/>
        <source>{date}
earliest</source>
        <translation>{date}
最短</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="196"/>
        <source>Delivery date</source>
        <translation>お届け日</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/order_when.py" line="197"/>
        <source>Time</source>
        <translation>時間帯</translation>
    </message>
</context>
<context>
    <name>WrapUpKeeper</name>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="117"/>
        <source>{count} unsaved wrap-ups are back in the list of calls</source>
        <translation>未保存の後処理 {count} 件を通話一覧に戻しました</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_restore.py" line="35"/>
        <source>The file of unsaved wrap-ups was damaged; it was moved to {path}</source>
        <translation>未保存の後処理のファイルが破損していたため、{path} に移動しました</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_restore.py" line="37"/>
        <source>The file of unsaved wrap-ups could not be read: {message}</source>
        <translation>未保存の後処理のファイルを読み込めませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="148"/>
        <source>Unsaved notes cannot be kept on this computer: {message}</source>
        <translation>未保存のメモをこのパソコンに保管できません: {message}</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="274"/>
        <source>Wrap-up of call {call} saved: the store answers again</source>
        <translation>通話 {call} の後処理を保存しました（データベースが応答しています）</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="276"/>
        <source>Wrap-up saved</source>
        <translation>後処理を保存しました</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="296"/>
        <source>the store did not answer</source>
        <translation>データベースが応答しませんでした</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="297"/>
        <source>Wrap-up not saved ({reason}). The notes are kept on this computer: press Save again.</source>
        <translation>後処理を保存できませんでした（{reason}）。メモはこのパソコンに保管しています。もう一度「保存」を押してください。</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="315"/>
        <source>The store did not answer: the wrap-up of call {call} is kept on this computer and saved as soon as the store answers</source>
        <translation>データベースが応答しません。通話 {call} の後処理はこのパソコンに保持し、応答があり次第保存します</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="328"/>
        <source>Discard notes?</source>
        <translation>メモを破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="332"/>
        <source>The notes of call {call} are not saved. Discard them? They cannot be brought back.</source>
        <translation>通話 {call} のメモは保存されていません。破棄しますか？元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="335"/>
        <source>Discard what was typed since the last save of call {call}? The saved wrap-up stays as it is.</source>
        <translation>通話 {call} の前回保存以降の入力を破棄しますか？保存済みの後処理はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="337"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup_keeper.py" line="357"/>
        <source>Notes discarded</source>
        <translation>メモを破棄しました</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../qt/wrapup.py" line="95"/>
        <source>Continue open inquiry ({channel}): {subject}</source>
        <translation>対応中の問い合わせ（{channel}）を継続: {subject}</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="108"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="110"/>
        <source>Waiting for the store: saved by itself as soon as it answers (kept on this computer)</source>
        <translation>データベースの応答待ち: 応答があり次第自動で保存します（このパソコンに保持中）</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="112"/>
        <source>Draft: kept on this computer until saved</source>
        <translation>下書き: 保存するまでこのパソコンに保管します</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="114"/>
        <source>Changed since the last save: kept on this computer until saved</source>
        <translation>前回保存以降に変更あり: 保存するまでこのパソコンに保管します</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="120"/>
        <source>Wrap-up: no call</source>
        <translation>後処理: 通話なし</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="122"/>
        <source>Wrap-up for call {call}</source>
        <translation>通話 {call} の後処理</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="167"/>
        <source>— disposition —</source>
        <translation>— 対応結果 —</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="172"/>
        <source>Notes for this call (kept until saved)</source>
        <translation>この通話のメモ（保存するまで保持されます）</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="173"/>
        <source>Save wrap-up</source>
        <translation>後処理を保存</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="174"/>
        <source>Save notes and disposition (Ctrl+Enter)</source>
        <translation>メモと対応結果を保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="175"/>
        <source>Discard…</source>
        <translation>破棄…</translation>
    </message>
    <message>
        <location filename="../../qt/wrapup.py" line="176"/>
        <source>Throw away what was typed since the last save (asks first)</source>
        <translation>前回保存以降の入力を破棄します（確認あり）</translation>
    </message>
</context>
<context>
    <name>delivery</name>
    <message>
        <location filename="../../qt/labels.py" line="32"/>
        <source>Any time</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="33"/>
        <source>Morning</source>
        <translation>午前中</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="34"/>
        <source>14:00–16:00</source>
        <translation>14〜16時</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="35"/>
        <source>16:00–18:00</source>
        <translation>16〜18時</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="36"/>
        <source>18:00–20:00</source>
        <translation>18〜20時</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="37"/>
        <source>19:00–21:00</source>
        <translation>19〜21時</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="39"/>
        <source>Cash on delivery</source>
        <translation>代金引換</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="40"/>
        <source>Card on file</source>
        <translation>登録済みカード</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="41"/>
        <source>Invoice</source>
        <translation>請求書払い</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="43"/>
        <source>Same prefecture</source>
        <translation>同じ都道府県</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="44"/>
        <source>Same region</source>
        <translation>同じ地方</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="45"/>
        <source>Warehouse</source>
        <translation>倉庫</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="46"/>
        <source>EC stock</source>
        <translation>EC在庫</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="47"/>
        <source>Shop in another region</source>
        <translation>他地方の店舗</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="49"/>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="50"/>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="51"/>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="52"/>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="53"/>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="54"/>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="55"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="15"/>
        <source>This shop</source>
        <translation>当店</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="16"/>
        <source>Shop in this prefecture</source>
        <translation>県内の店舗</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="17"/>
        <source>Shop in this region</source>
        <translation>近隣地方の店舗</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="18"/>
        <source>Warehouse</source>
        <translation>倉庫</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="19"/>
        <source>Online store stock</source>
        <translation>通販在庫</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="20"/>
        <source>Shop in another region</source>
        <translation>他地方の店舗</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="25"/>
        <source>Enter a member number or a phone number</source>
        <translation>会員番号または電話番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="26"/>
        <source>No member with that member number or phone number</source>
        <translation>その会員番号・電話番号の会員は見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/kiosk/texts.py" line="27"/>
        <source>A guest pays on delivery</source>
        <translation>ゲストのお支払いは代金引換のみです</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../qt/labels.py" line="60"/>
        <source>Add at least one product</source>
        <translation>商品を1点以上追加してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="61"/>
        <source>The quantity must be at least 1</source>
        <translation>数量は1以上にしてください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="62"/>
        <source>The quantity must be at most {max}</source>
        <translation>数量は{max}以下にしてください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="63"/>
        <source>Choose where it ships from (no location has stock)</source>
        <translation>出荷元を選んでください（在庫のある拠点がありません）</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="64"/>
        <source>The price is not valid</source>
        <translation>価格が不正です</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="65"/>
        <source>Enter the recipient&apos;s name</source>
        <translation>お届け先のお名前を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="66"/>
        <source>The name is too long</source>
        <translation>お名前が長すぎます</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="67"/>
        <source>Enter a phone number</source>
        <translation>電話番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="68"/>
        <source>The phone number is not in a valid format</source>
        <translation>電話番号の形式が正しくありません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="69"/>
        <source>Enter a postal code</source>
        <translation>郵便番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="70"/>
        <source>A postal code is 7 digits</source>
        <translation>郵便番号は7桁の数字で入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="71"/>
        <source>Choose a prefecture</source>
        <translation>都道府県を選んでください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="72"/>
        <source>Enter the city, ward or town</source>
        <translation>市区町村を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="73"/>
        <source>The city, ward or town is too long</source>
        <translation>市区町村が長すぎます</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="74"/>
        <source>Enter the street number and building</source>
        <translation>番地・建物名を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="75"/>
        <source>The address is too long</source>
        <translation>住所が長すぎます</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="76"/>
        <source>Choose a delivery date</source>
        <translation>お届け日を選んでください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="77"/>
        <source>The earliest delivery date is {date}</source>
        <translation>最短のお届け日は{date}です</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="78"/>
        <source>No deliveries on that day (Sundays and public holidays)</source>
        <translation>その日は配達がありません（日曜・祝日）</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="79"/>
        <source>Choose a time slot</source>
        <translation>時間帯を選んでください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="80"/>
        <source>Choose a payment method</source>
        <translation>お支払い方法を選んでください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="81"/>
        <source>Points must be 0 or more</source>
        <translation>ポイントは0以上にしてください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="82"/>
        <source>More than the points balance ({balance})</source>
        <translation>ポイント残高（{balance}）を超えています</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="83"/>
        <source>Points used must not exceed the order total (¥{total})</source>
        <translation>ご利用ポイントは合計金額（{total}円）以下にしてください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="85"/>
        <source>JAN {jan}: the check digit is wrong (scan it again)</source>
        <translation>JANコード {jan} のチェックデジットが正しくありません（読み取り直してください）</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="86"/>
        <source>No product is registered with JAN {jan}</source>
        <translation>JANコード {jan} の商品は登録がありません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="87"/>
        <source>A JAN code has 13 digits</source>
        <translation>JANコードは13桁です</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="88"/>
        <source>No product matches “{text}”</source>
        <translation>「{text}」に一致する商品はありません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="90"/>
        <source>Customer not found</source>
        <translation>お客様が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="91"/>
        <source>Product not found</source>
        <translation>商品が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="92"/>
        <source>Shipping location not found</source>
        <translation>出荷元が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="93"/>
        <source>Postal code {code} does not exist</source>
        <translation>郵便番号 {code} は見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="95"/>
        <source>Order {order_no} not found</source>
        <translation>注文 {order_no} が見つかりません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="96"/>
        <source>Order {order_no} has shipped: it can no longer be cancelled</source>
        <translation>注文 {order_no} は発送済みのため、キャンセルできません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="97"/>
        <source>Order {order_no} was delivered: it can no longer be cancelled</source>
        <translation>注文 {order_no} はお届け済みのため、キャンセルできません</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="98"/>
        <source>Order {order_no} is cancelled already</source>
        <translation>注文 {order_no} はキャンセル済みです</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="99"/>
        <source>Enter the reason for the cancellation</source>
        <translation>キャンセルの理由を入力してください</translation>
    </message>
    <message>
        <location filename="../../qt/labels.py" line="100"/>
        <source>The reason is too long (at most {max} characters)</source>
        <translation>理由が長すぎます({max}文字以内)</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../qt/roles.py" line="14"/>
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="15"/>
        <source>Supervisor</source>
        <translation>スーパーバイザー</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="16"/>
        <source>Kiosk</source>
        <translation>キオスク</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="20"/>
        <source>opening a customer&apos;s record</source>
        <translation>顧客記録の表示</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="21"/>
        <source>searching customers</source>
        <translation>顧客の検索</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="22"/>
        <source>reading the purchase history</source>
        <translation>購入履歴の閲覧</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="23"/>
        <source>reading past inquiries</source>
        <translation>過去の問い合わせの閲覧</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="24"/>
        <source>changing a customer&apos;s record</source>
        <translation>顧客記録の変更</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="25"/>
        <source>saving a wrap-up</source>
        <translation>後処理の保存</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="26"/>
        <source>placing an order</source>
        <translation>注文の登録</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="27"/>
        <source>cancelling an order</source>
        <translation>注文のキャンセル</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="28"/>
        <source>a kiosk&apos;s member lookup</source>
        <translation>キオスクの会員照会</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="29"/>
        <source>reading the KPIs</source>
        <translation>KPIの閲覧</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="30"/>
        <source>reading the audit log</source>
        <translation>監査ログの閲覧</translation>
    </message>
    <message>
        <location filename="../../qt/roles.py" line="34"/>
        <source>The {role} role does not allow {action}</source>
        <translation>{role}の役割では{action}はできません</translation>
    </message>
</context>
</TS>
