"""The Hangul syllables everyday Korean text is mostly written in, which tell Korean text that CP949 reads (EUC-KR's
too) from Chinese or Japanese text whose bytes CP949 reads as Hangul (reader/legacy_code_pages.py): a hanzi or kanji
read as Hangul is any of KS X 1001's 2,350 syllables or of the 8,822 only CP949 writes, most of them rare. All 500
here are KS X 1001's.

Counted in Debian's Korean (ko) translations (/usr/share/locale/ko/LC_MESSAGES, 78 message catalogues): ``KOREAN`` is
the 500 most frequent syllables of the 1,014 there, 98.7% of their 488,713 occurrences.
"""

from __future__ import annotations

KOREAN = frozenset(
    "이다니지을수에습는로를하시자가없스일의정기어파용서음리합사트할인한은오션위아터않문있그드대제보상부만"
    "으프값름표치크옵작모함해실패입력데바형고전버나소여식명키경도중설행면된업디요되라열들세메성구블못목적"
    "비레개출과호동록변류료테거화령잘번미조야원내마단브장환필타태우렉했현체주추유연공코너간복재읽무본분와"
    "안항러커반선계색베포결최당더십르때었알려페래또줄임방른속진능절확접랜저럼카백텍참검택국칼처템두퍼법준"
    "덱각건증종새았끝초쪽발신밋활든매게생티램링영예쓰젯산클배져플찾같됨운림렬숫널집축권역삭린근릴쓸올관딩"
    "룹토것허글젝닙규향병통범청째볼따길순헤맞슬압롤콘받창언격꾸별외턴약석잭까암런말폴뒤남완컨뉴됩루및불막"
    "케투존후듈쿼컬네심양노쇄움될직립피돌셀점붙셸잠웨히빠릭밀캐금누칙꿀왼많졌냅독픽며꼴뷰셋닌취족앞께충듭"
    "워빈닫살탭감등편콜강벗큰란채님달급날특켓묶갈효차응질핑났울높뜀춤윈락델긴퀀롯교엔손슈침벨먼덮년낼넣략"
    "랑싱떤씁섬짜혹갑깁객덤넘책꿈련회애칠벤견탈귀술논캘깃납릿짐봉푸월량첫머롬탐탄송컴획꿉폭틀쿠잡옴갯힌액"
    "큼섹북릅므룰람옛롭엘핸괄깅핀론뀌옮겟줍멈줌온물답맨틴륨랍빌럭맵숨민율끊난큽튜멀탬김웃홈썬놓률횟늘골겠"
)
"""The 500 most frequent Hangul syllables of Korean text (the module's), most frequent first."""
