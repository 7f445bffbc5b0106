import json,glob,sys
TOL=float(sys.argv[1])
def dp(pts,tol):
    if len(pts)<3: return pts
    (x1,y1),(x2,y2)=pts[0],pts[-1]
    dx,dy=x2-x1,y2-y1; L=(dx*dx+dy*dy)**.5
    best,bi=0,0
    for i in range(1,len(pts)-1):
        x,y=pts[i]
        d=abs(dy*x-dx*y+x2*y1-y2*x1)/L if L else ((x-x1)**2+(y-y1)**2)**.5
        if d>best: best,bi=d,i
    if best>tol: return dp(pts[:bi+1],tol)[:-1]+dp(pts[bi:],tol)
    return [pts[0],pts[-1]]
def ring(r):
    # split closed ring in two halves so DP keeps shape
    r=[[round(x,4),round(y,4)] for x,y in r]
    h=len(r)//2
    out=dp(r[:h+1],TOL)[:-1]+dp(r[h:],TOL)
    if out[0]!=out[-1]: out.append(out[0])
    return out if len(out)>=4 else None
feats=[]
for f in sorted(glob.glob('geojson/shape-with-internal-borders/ning2_xia4_*.geojson')):
  for ft in json.load(open(f))['features']:
    g=ft['geometry']; polys=[g['coordinates']] if g['type']=='Polygon' else g['coordinates']
    ps=[]
    for p in polys:
      rs=[ring(r) for r in p]
      if rs[0] is None: continue
      ps.append([r for r in rs if r])
    feats.append({'type':'Feature','id':ft['id'],'properties':{'code':ft['id'],'name':ft['properties']['name'],'center':ft['properties']['cp']},'geometry':{'type':'MultiPolygon','coordinates':ps}})
feats.sort(key=lambda f:f['id'])
json.dump({'type':'FeatureCollection','features':feats},open(sys.argv[2],'w'),ensure_ascii=False,separators=(',',':'))
print(sum(len(r) for f in feats for p in f['geometry']['coordinates'] for r in p))
